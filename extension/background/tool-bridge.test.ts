import { describe, expect, it } from 'vitest';
import { syncToolBridge, toolOriginPattern } from './tool-bridge';

function apis(granted: boolean, registered?: string[]) {
  const calls: string[] = [];
  let current = registered;
  return {
    calls,
    apis: {
      hasOrigin: async () => granted,
      registered: async () => current,
      register: async (matches: string[]) => {
        calls.push(`register ${matches.join(',')}`);
        current = matches;
      },
      unregister: async () => {
        calls.push('unregister');
        current = undefined;
      },
    },
  };
}

describe('tool-bridge registration', () => {
  it('derives the match pattern from the tool origin', () => {
    expect(toolOriginPattern({ toolOrigin: 'https://tool.district.example:8443/path' })).toBe(
      'https://tool.district.example/*',
    );
    expect(toolOriginPattern({})).toBeUndefined();
  });

  it('registers only for a granted tool origin, and follows changes', async () => {
    const a = apis(false);
    expect(await syncToolBridge({ toolOrigin: 'https://tool.district.example' }, a.apis)).toBe('needs-permission');
    expect(a.calls).toEqual([]);
    const b = apis(true, ['https://old.example/*']);
    expect(await syncToolBridge({ toolOrigin: 'https://tool.district.example' }, b.apis)).toBe('registered');
    expect(b.calls).toEqual(['unregister', 'register https://tool.district.example/*']);
    expect(await syncToolBridge({ toolOrigin: 'https://tool.district.example' }, b.apis)).toBe('registered');
    expect(b.calls).toHaveLength(2);
    expect(await syncToolBridge({}, b.apis)).toBe('none');
    expect(b.calls.at(-1)).toBe('unregister');
  });
});
