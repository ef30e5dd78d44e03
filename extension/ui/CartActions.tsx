import { useState } from 'preact/hooks';
import { buildCartridge, type CartridgeVersion, linksAsText } from '../../shared/cartridge/thin-cc';
import type { DistrictPolicy } from '../../shared/model/district-policy';
import type { Resource } from '../../shared/model/resource';
import type { LmsId } from '../../shared/model/vocabulary';
import { insertionUrl, MENU_PATHS } from './insertion';

const fileName = (title: string) =>
  `${
    title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'unit'
  }.imscc`;

/**
 * What a teacher can do with a unit's cart: insert it into the course as LTI links (a direct URL to the tool's
 * deep-linking placement where the district gave one, else the exact menu path, with the cart waiting in the picker);
 * without the tool, download it as a Thin Common Cartridge (CC 1.1 for Moodle) or copy the links.
 */
export function CartActions(props: {
  lms: LmsId;
  unitKey: string;
  unitTitle?: string;
  resources: Resource[];
  policy: DistrictPolicy;
}) {
  const [version, setVersion] = useState<CartridgeVersion>(props.lms === 'moodle' ? '1.1' : '1.3');
  const [status, setStatus] = useState('');
  if (props.resources.length === 0) return null;
  const direct = insertionUrl(props.policy.insertionUrls, props.lms, props.unitKey);
  const tool = props.policy.toolOrigin
    ? {
        launchUrl: `${props.policy.toolOrigin.replace(/\/$/, '')}/lti/launch`,
        vendorCode: new URL(props.policy.toolOrigin).host,
        vendorName: props.policy.toolName,
      }
    : undefined;

  const download = () => {
    const bytes = buildCartridge({
      title: props.unitTitle || 'Unit resources',
      resources: props.resources,
      version,
      tool,
      date: new Date().toISOString(),
    });
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(props.unitTitle ?? 'unit');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded a ${version === '1.1' ? 'Common Cartridge 1.1' : 'Thin Common Cartridge 1.3'}.`);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(linksAsText(props.resources));
      setStatus('Links copied.');
    } catch {
      setStatus('The browser did not allow copying; select the links below instead.');
    }
  };

  return (
    <div class="cart-actions">
      {direct ? (
        <a class="button" href={direct} target="_top" rel="noopener">
          Insert into course
        </a>
      ) : (
        <p class="hint insert-path">
          To insert as links: {MENU_PATHS[props.lms].replaceAll('{tool}', props.policy.toolName)}. The tool will show
          this cart ready to add.
        </p>
      )}
      <div class="row">
        <label for="cc-version">Cartridge</label>
        <select
          id="cc-version"
          value={version}
          onChange={(e) => setVersion((e.target as HTMLSelectElement).value as CartridgeVersion)}
        >
          <option value="1.3">Thin CC 1.3</option>
          <option value="1.1">CC 1.1 (Moodle)</option>
        </select>
        <button type="button" class="secondary small" onClick={download}>
          Download cartridge
        </button>
        <button type="button" class="secondary small" onClick={() => void copy()}>
          Copy links
        </button>
      </div>
      <p role="status" aria-live="polite" class="hint">
        {status}
      </p>
    </div>
  );
}
