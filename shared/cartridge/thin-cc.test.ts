import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackCartridge, xmllint } from '../../test/setup/xmllint';
import sample from '../catalog/sample-catalog.json';
import { CatalogFeed } from '../model/feed';
import { buildCartridge, buildCartridgeFiles, type CartridgeInput, linksAsText } from './thin-cc';

const resources = CatalogFeed.parse(sample).resources.filter((r) =>
  ['phet-build-an-atom', 'khan-ms-biology', 'common-sense-digital-citizenship'].includes(r.id),
);
const tool = {
  launchUrl: 'https://tool.district.example/lti/launch',
  vendorCode: 'district.example',
  vendorName: 'Riverbend resource suggestions',
};

const unpack = (input: CartridgeInput): string => unpackCartridge(buildCartridge(input));

describe('Thin Common Cartridge export', () => {
  it('makes a Thin CC 1.3 of web links, with ISTE alignments as standards metadata, valid against the XSDs', () => {
    const dir = unpack({ title: 'Unit 3: Photosynthesis & "energy"', resources, date: '2026-11-27' });
    xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd');
    xmllint(join(dir, 'weblinks/RES_0001.xml'), 'ccv1p3/ccv1p3_imswl_v1p3.xsd');
    const manifest = buildCartridgeFiles({ title: 't', resources }).get('imsmanifest.xml')!;
    expect(manifest).toContain('<schema>IMS Thin Common Cartridge</schema>');
    expect(manifest).toContain('<csm:GUID>ISTE:students-2016:1.3.d</csm:GUID>');
  });

  it('makes LTI links that launch through the district tool, valid against the LTI link schema', () => {
    const dir = unpack({ title: 'Cart', resources, tool });
    xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd');
    xmllint(join(dir, 'lti/RES_0001.xml'), 'local/imslticc_v1p3_UNOFFICIAL_shim.xsd');
    expect(buildCartridgeFiles({ title: 'Cart', resources, tool }).get('lti/RES_0001.xml')).toContain(
      '<lticm:property name="resource_id">',
    );
  });

  it('makes a CC 1.1 for Moodle, which imports only 1.0 and 1.1, valid against the 1.1 XSDs', () => {
    for (const withTool of [false, true]) {
      const dir = unpack({ title: 'Cart', resources, version: '1.1', tool: withTool ? tool : undefined });
      xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd');
      if (withTool) xmllint(join(dir, 'lti/RES_0001.xml'), 'lti/imslticc_v1p0p1.xsd');
      else xmllint(join(dir, 'weblinks/RES_0001.xml'), 'ccv1p1/ccv1p1_imswl_v1p1.xsd');
    }
    // Moodle's restore looks for this exact default namespace in the first bytes of the manifest.
    const manifest = buildCartridgeFiles({ title: 'Cart', resources, version: '1.1' }).get('imsmanifest.xml')!;
    expect(manifest.slice(0, 300)).toContain('xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"');
  });

  it('would be caught by the schema if it broke the rules (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imscc-bad-'));
    const manifest = buildCartridgeFiles({ title: 'Cart', resources })
      .get('imsmanifest.xml')!
      .replace('<schemaversion>1.3.0</schemaversion>', '<schemaversion>1.2.0</schemaversion>');
    writeFileSync(join(dir, 'imsmanifest.xml'), manifest);
    expect(() => xmllint(join(dir, 'imsmanifest.xml'), 'ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd')).toThrow();
  });

  it('copies links as a plain list', () => {
    expect(linksAsText(resources.slice(0, 1))).toBe(`${resources[0]!.title} — ${resources[0]!.url}`);
  });
});
