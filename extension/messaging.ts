import type { Resource } from '../shared/model/resource';
import type { UnitContext } from '../shared/model/unit-context';
import type { ListView, SuggestReply, SuggestRequest } from './background/catalog-service';
import type { AccessStatus, HostChange } from './background/site-access';
import type { CartUnit } from './data/carts';
import type { SyncOutcome } from './data/catalog-sync';
import type { Cart, CatalogSource } from './data/db';
import type { PolicyRead } from './data/policy';
import { browser } from './platform';

/**
 * Every message between the extension's parts, as one discriminated union. Only extension contexts can send these
 * (runtime messaging is not reachable from page scripts); the background still parses what content scripts send, and
 * accepts cart and catalog requests only from its own pages.
 */
export type Message =
  | { type: 'context:publish'; key: string; context: unknown }
  | { type: 'context:get'; key: string }
  | { type: 'context:active' }
  | { type: 'context:changed'; key: string }
  /** To the LMS tab: show or hide the overlay; `remember: false` when the extension, not the teacher, decided. */
  | { type: 'overlay:set'; expanded: boolean; remember?: boolean }
  | { type: 'overlay:toggle'; expanded: boolean }
  | { type: 'policy:get' }
  | { type: 'catalog:sync' }
  | { type: 'catalog:changed' }
  | { type: 'catalog:sources' }
  | { type: 'lists:get' }
  | { type: 'lists:sources' }
  | { type: 'suggest'; request: SuggestRequest }
  | { type: 'resources:get'; ids: string[] }
  | { type: 'cart:get'; unitKey: string }
  | { type: 'cart:add'; unit: CartUnit; resourceId: string }
  | { type: 'cart:remove'; unitKey: string; resourceId: string }
  | { type: 'carts:list' }
  | { type: 'cart:changed'; unitKey: string }
  | { type: 'bridge:cart' }
  | { type: 'bridge:inserting'; ids: string[] }
  | { type: 'bridge:cancelled' }
  | { type: 'access:status' }
  | { type: 'access:add-host'; host: string }
  | { type: 'access:remove-host'; host: string };

export interface Replies {
  'context:publish': { ok: boolean };
  'context:get': UnitContext | null;
  'context:active': { key: string; context: UnitContext } | null;
  'context:changed': undefined;
  'overlay:set': undefined;
  'overlay:toggle': undefined;
  'policy:get': PolicyRead;
  'catalog:sync': SyncOutcome[];
  'catalog:changed': undefined;
  'catalog:sources': CatalogSource[];
  'lists:get': ListView[];
  'lists:sources': CatalogSource[];
  suggest: SuggestReply;
  'resources:get': Resource[];
  'cart:get': Cart | null;
  'cart:add': Cart | null;
  'cart:remove': Cart | null;
  'carts:list': Cart[];
  'cart:changed': undefined;
  'bridge:cart': { ids: string[]; unitTitle: string } | null;
  'bridge:inserting': undefined;
  'bridge:cancelled': undefined;
  'access:status': AccessStatus | null;
  'access:add-host': HostChange | null;
  'access:remove-host': AccessStatus | null;
}

export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** The one place that calls runtime messaging. */
export function send<T extends Message['type']>(message: MessageOf<T>): Promise<Replies[T]> {
  return browser.runtime.sendMessage(message) as Promise<Replies[T]>;
}
