import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CartridgeVersion } from '../../shared/cartridge/thin-cc';
import { listCartridge } from '../catalog/list-cartridge';
import { createListStore } from '../catalog/lists';
import { createCatalogStore } from '../catalog/store';
import { loadConfig } from '../config';
import type { CommandIo } from './io';
import { dbFlags, readJsonFile, withStore } from './store';

/** `lists import FILE`: coach and district lists, list by list; a bad list is reported and the stored one stays. */
export async function listsImport(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...dbFlags } });
  const file = positionals[0];
  if (!file) {
    io.err('lists import: needs a FILE');
    return 2;
  }
  const read = await readJsonFile(file, io);
  if (!read) return 1;
  return withStore(values['database-url'], async (store) => {
    const report = await createListStore(store.db).import(read.value);
    for (const problem of report.problems) io.out(problem);
    io.err(`${file}: imported ${report.imported} lists, ${report.problems.length} refused`);
    return report.problems.length > 0 ? 1 : 0;
  });
}

/** `lists list [--json]` */
export async function listsList(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { ...dbFlags, json: { type: 'boolean' } } });
  return withStore(values['database-url'], async (store) => {
    const lists = await createListStore(store.db).all();
    if (values.json) io.out(JSON.stringify({ lists }, null, 2));
    else if (!lists.length) io.err('no lists');
    else for (const l of lists) io.out(`${l.id}\t${l.status}\t${l.items.length} items\t${l.owner.name}\t${l.title}`);
    return 0;
  });
}

/**
 * `lists export-cc ID [--out FILE] [--cc 1.3|1.1] [--web-links]`: a list as a Thin Common Cartridge. Its items are LTI
 * links that launch through this tool (so retiring a resource reaches every course that imported it), or plain web
 * links with `--web-links`. Resources retired or missing from the catalog are left out, and said so.
 */
export async function listsExportCc(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...dbFlags,
      out: { type: 'string' },
      cc: { type: 'string', default: '1.3' },
      'web-links': { type: 'boolean' },
      'public-url': { type: 'string' },
    },
  });
  const id = positionals[0];
  if (!id) {
    io.err('lists export-cc: needs a list ID (see `lists list`)');
    return 2;
  }
  if (values.cc !== '1.3' && values.cc !== '1.1') {
    io.err(`lists export-cc: --cc is 1.3 (Thin CC) or 1.1 (for Moodle), not ${values.cc}`);
    return 2;
  }
  const publicUrl = loadConfig({ 'public-url': values['public-url'] }).publicUrl;
  return withStore(values['database-url'], async (store) => {
    const list = await createListStore(store.db).get(id);
    if (!list) {
      io.err(`lists export-cc: no list ${id} (see \`lists list\`)`);
      return 1;
    }
    const cartridge = await listCartridge(list, createCatalogStore(store.db, Date.now), {
      version: values.cc as CartridgeVersion,
      publicUrl,
      webLinks: values['web-links'],
    });
    for (const gone of cartridge.leftOut) io.err(`left out ${gone.resourceId}: ${gone.reason}`);
    const out = values.out ?? `${list.id}.imscc`;
    await writeFile(out, cartridge.bytes);
    io.err(`wrote ${out}: ${cartridge.included} of ${list.items.length} items, Common Cartridge ${values.cc}`);
    return 0;
  });
}
