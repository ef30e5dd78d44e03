import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file);

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) specifiers.push((m[1] ?? m[2] ?? m[3])!);
  return specifiers;
}

/** The rules of docs/ARCHITECTURE.md that code can break, for one file. Returns what it breaks. */
function violations(file: string, source: string): string[] {
  const rel = relative(ROOT, file).split(sep).join('/');
  const top = rel.split('/')[0];
  const problems: string[] = [];
  for (const spec of importsOf(source)) {
    const target = spec.startsWith('.')
      ? relative(ROOT, resolve(dirname(file), spec))
          .split(sep)
          .join('/')
      : undefined;
    if (top === 'shared' && !isTest(file)) {
      if (spec === 'wxt' || spec.startsWith('wxt/') || spec.startsWith('#imports') || spec.startsWith('@wxt-dev/')) {
        problems.push(`${rel}: shared/ must not import WXT (${spec})`);
      }
      if (spec.startsWith('node:') || NODE_BUILTINS.has(spec)) problems.push(`${rel}: shared/ must not import ${spec}`);
      if (target && !target.startsWith('shared/')) problems.push(`${rel}: shared/ must not import ${target}`);
    }
    if (top === 'extension' && target?.startsWith('lms-plugin/')) problems.push(`${rel}: extension/ imports ${target}`);
    if (top === 'lms-plugin' && target?.startsWith('extension/'))
      problems.push(`${rel}: lms-plugin/ imports ${target}`);
  }
  if (
    top === 'shared' &&
    !isTest(file) &&
    /\b(browser|chrome)\.(runtime|storage|tabs|scripting|sidePanel|action|alarms|permissions)\b/.test(source)
  ) {
    problems.push(`${rel}: shared/ must not use browser.* or chrome.*`);
  }
  if (/^extension\/entrypoints\/[^/]+\.(test|spec)\.tsx?$/.test(rel)) {
    problems.push(`${rel}: tests do not belong loose in entrypoints/ (WXT would build them)`);
  }
  const name = rel.split('/').pop()!;
  const stem = name.replace(/\.(test|spec|d)?\.?tsx?$/, '').replace(/\.(test|spec)$/, '');
  const kebab = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)?$/.test(stem);
  const component = name.endsWith('.tsx') && /^[A-Z][A-Za-z0-9]*$/.test(stem);
  if (!kebab && !component) problems.push(`${rel}: file names are kebab-case (PascalCase only for .tsx components)`);
  return problems;
}

describe('architecture', () => {
  const files = ['shared', 'extension', 'lms-plugin', 'test'].flatMap((d) => walk(join(ROOT, d)));

  it('keeps shared/ free of WXT, browser.* and node:*, and extension/ and lms-plugin/ apart', () => {
    const found = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch a violation (the check itself can fail)', () => {
    const at = (path: string) => join(ROOT, path);
    expect(violations(at('shared/x.ts'), "import { readFile } from 'node:fs';")).toHaveLength(1);
    expect(violations(at('shared/x.ts'), "import { defineBackground } from '#imports';")).toHaveLength(1);
    expect(violations(at('shared/x.ts'), "import fs from 'fs';")).toHaveLength(1);
    expect(violations(at('shared/x.ts'), 'await browser.storage.local.get()')).toHaveLength(1);
    expect(violations(at('extension/a/b.ts'), "import { x } from '../../lms-plugin/app';")).toHaveLength(1);
    expect(violations(at('lms-plugin/a.ts'), "export { y } from '../extension/lms/canvas';")).toHaveLength(1);
    expect(violations(at('extension/entrypoints/popup.test.ts'), '')).toHaveLength(1);
    expect(violations(at('shared/BadName.ts'), '')).toHaveLength(1);
    expect(violations(at('shared/ui/ResourceCard.tsx'), "import { h } from 'preact';")).toEqual([]);
  });
});
