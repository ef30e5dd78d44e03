import { strToU8, zipSync } from 'fflate';
import type { Resource } from '../model/resource';
import { lookupIste } from '../standards/iste';

/**
 * Thin Common Cartridge export (docs/reference/cartridge.md §8): a cart or a coach list as a `.imscc` any LMS can
 * import. CC 1.3 "IMS Thin Common Cartridge" by default, with ISTE alignments as curriculum-standards metadata; CC 1.1
 * for Moodle, which restores only 1.0 and 1.1 (and reads `launch_url`, never `secure_launch_url`). Web links point at
 * the resource; when the district's tool is known, LTI links launch through it instead (so retirement follows them).
 */
export type CartridgeVersion = '1.3' | '1.1';

export interface CartridgeTool {
  /** The tool's LTI launch URL (the deep-linking `url`), e.g. https://tool.district.org/lti/launch */
  launchUrl: string;
  vendorCode: string;
  vendorName: string;
}

export interface CartridgeInput {
  title: string;
  description?: string;
  resources: readonly Resource[];
  version?: CartridgeVersion;
  tool?: CartridgeTool;
  /** ISO date for the manifest's life cycle. */
  date?: string;
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** XML ids must start with a letter or underscore (Canvas's own exports break this; we do not). */
const xmlId = (prefix: string, i: number) => `${prefix}_${String(i + 1).padStart(4, '0')}`;

const NS = {
  '1.3': {
    cp: 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1',
    cpXsd: 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd',
    lomm: 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest',
    lommXsd: 'http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd',
    csm: 'http://www.imsglobal.org/xsd/imsccv1p3/imscsmd_v1p0',
    csmXsd: 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscsmd_v1p0.xsd',
    wl: 'http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3',
    wlXsd: 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd',
    wlType: 'imswl_xmlv1p3',
    lticc: 'http://www.imsglobal.org/xsd/imslticc_v1p3',
    lticcXsd: 'http://www.imsglobal.org/xsd/lti/ltiv1p3/imslticc_v1p3.xsd',
    ltiType: 'imsbasiclti_xmlv1p3',
    schema: 'IMS Thin Common Cartridge',
    schemaVersion: '1.3.0',
  },
  '1.1': {
    cp: 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1',
    cpXsd: 'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd',
    lomm: 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest',
    lommXsd: 'http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd',
    csm: '',
    csmXsd: '',
    wl: 'http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1',
    wlXsd: 'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd',
    wlType: 'imswl_xmlv1p1',
    lticc: 'http://www.imsglobal.org/xsd/imslticc_v1p0',
    lticcXsd: 'http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticc_v1p0.xsd',
    ltiType: 'imsbasiclti_xmlv1p0',
    schema: 'IMS Common Cartridge',
    schemaVersion: '1.1.0',
  },
} as const;

function standardsMetadata(resource: Resource): string {
  const sets = new Map<string, string[]>();
  for (const a of resource.alignments) {
    if (a.framework !== 'ISTE') continue;
    const entry = lookupIste(a);
    const label = `ISTE ${a.code}${entry ? ` ${entry.standardName}: ${entry.label}` : ''}`;
    const key = `${a.set}|${a.version}`;
    const list = sets.get(key) ?? [];
    list.push(
      `<csm:labelledGUID><csm:label>${escapeXml(label)}</csm:label><csm:GUID>ISTE:${a.set}-${a.version}:${a.code}</csm:GUID></csm:labelledGUID>`,
    );
    sets.set(key, list);
  }
  if (!sets.size) return '';
  const groups = [...sets].map(([key, guids]) => {
    const [, version] = key.split('|');
    return `<csm:setOfGUIDs region="ISTE" version="${version}">${guids.join('')}</csm:setOfGUIDs>`;
  });
  return `<metadata><csm:curriculumStandardsMetadataSet><csm:curriculumStandardsMetadata providerId="ISTE">${groups.join('')}</csm:curriculumStandardsMetadata></csm:curriculumStandardsMetadataSet></metadata>`;
}

function webLinkXml(ns: (typeof NS)[CartridgeVersion], resource: Resource): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<webLink xmlns="${ns.wl}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns.wl} ${ns.wlXsd}">
  <title>${escapeXml(resource.title)}</title>
  <url href="${escapeXml(resource.url)}" target="_blank"/>
</webLink>
`;
}

function ltiLinkXml(ns: (typeof NS)[CartridgeVersion], resource: Resource, tool: CartridgeTool): string {
  // Order is fixed by imsbasiclti_v1p0p1.xsd: title, description, custom, extensions, launch_url, secure_launch_url, icon, vendor.
  const secure = tool.launchUrl.startsWith('https:')
    ? `\n  <blti:secure_launch_url>${escapeXml(tool.launchUrl)}</blti:secure_launch_url>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<cartridge_basiclti_link xmlns="${ns.lticc}" xmlns:blti="http://www.imsglobal.org/xsd/imsbasiclti_v1p0" xmlns:lticm="http://www.imsglobal.org/xsd/imslticm_v1p0" xmlns:lticp="http://www.imsglobal.org/xsd/imslticp_v1p0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns.lticc} ${ns.lticcXsd} http://www.imsglobal.org/xsd/imsbasiclti_v1p0 http://www.imsglobal.org/xsd/lti/ltiv1p0/imsbasiclti_v1p0p1.xsd http://www.imsglobal.org/xsd/imslticm_v1p0 http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticm_v1p0.xsd http://www.imsglobal.org/xsd/imslticp_v1p0 http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticp_v1p0.xsd">
  <blti:title>${escapeXml(resource.title)}</blti:title>
  <blti:description>${escapeXml(resource.description)}</blti:description>
  <blti:custom>
    <lticm:property name="resource_id">${escapeXml(resource.id)}</lticm:property>
  </blti:custom>
  <blti:launch_url>${escapeXml(tool.launchUrl)}</blti:launch_url>${secure}
  <blti:vendor>
    <lticp:code>${escapeXml(tool.vendorCode)}</lticp:code>
    <lticp:name>${escapeXml(tool.vendorName)}</lticp:name>
  </blti:vendor>
</cartridge_basiclti_link>
`;
}

/** The cartridge's files, path → XML text. */
export function buildCartridgeFiles(input: CartridgeInput): Map<string, string> {
  const version = input.version ?? '1.3';
  const ns = NS[version];
  const files = new Map<string, string>();
  const items: string[] = [];
  const resources: string[] = [];
  input.resources.forEach((resource, i) => {
    const id = xmlId('RES', i);
    const lti = Boolean(input.tool);
    const href = lti ? `lti/${id}.xml` : `weblinks/${id}.xml`;
    files.set(href, lti ? ltiLinkXml(ns, resource, input.tool!) : webLinkXml(ns, resource));
    items.push(
      `<item identifier="${xmlId('ITEM', i)}" identifierref="${id}"><title>${escapeXml(resource.title)}</title></item>`,
    );
    const metadata = version === '1.3' ? standardsMetadata(resource) : '';
    resources.push(
      `<resource identifier="${id}" type="${lti ? ns.ltiType : ns.wlType}">${metadata}<file href="${href}"/></resource>`,
    );
  });
  const csmNs = version === '1.3' ? ` xmlns:csm="${ns.csm}"` : '';
  const csmLoc = version === '1.3' ? ` ${ns.csm} ${ns.csmXsd}` : '';
  const description = input.description
    ? `<lomm:description><lomm:string language="en-US">${escapeXml(input.description)}</lomm:string></lomm:description>`
    : '';
  files.set(
    'imsmanifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="M_iste_suggestions" xmlns="${ns.cp}" xmlns:lomm="${ns.lomm}"${csmNs} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns.cp} ${ns.cpXsd} ${ns.lomm} ${ns.lommXsd}${csmLoc}">
  <metadata>
    <schema>${ns.schema}</schema>
    <schemaversion>${ns.schemaVersion}</schemaversion>
    <lomm:lom><lomm:general><lomm:title><lomm:string language="en-US">${escapeXml(input.title)}</lomm:string></lomm:title>${description}</lomm:general>${
      input.date
        ? `<lomm:lifeCycle><lomm:contribute><lomm:date><lomm:dateTime>${input.date.slice(0, 10)}</lomm:dateTime></lomm:date></lomm:contribute></lomm:lifeCycle>`
        : ''
    }</lomm:lom>
  </metadata>
  <organizations>
    <organization identifier="ORG_1" structure="rooted-hierarchy">
      <item identifier="ROOT">
        <item identifier="MODULE_1"><title>${escapeXml(input.title)}</title>
          ${items.join('\n          ')}
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    ${resources.join('\n    ')}
  </resources>
</manifest>
`,
  );
  return files;
}

/** The `.imscc` itself: a zip with the manifest at its root. */
export function buildCartridge(input: CartridgeInput): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, text] of buildCartridgeFiles(input)) entries[path] = strToU8(text);
  return zipSync(entries, { level: 6 });
}

/** A plain list for pasting into a page or an email: "Title — URL", one per line. */
export function linksAsText(resources: readonly Resource[]): string {
  return resources.map((r) => `${r.title} — ${r.url}`).join('\n');
}
