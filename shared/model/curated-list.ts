import { z } from 'zod';
import { Id, IsoDateTime, plainText } from './primitives';
import { GradeBand, Subject } from './vocabulary';

export const CuratedListItem = z
  .object({
    resourceId: Id,
    /** The coach's reason, shown to teachers next to the resource. */
    note: plainText(500).optional(),
    addedAt: IsoDateTime,
    addedBy: plainText(120).optional(),
  })
  .strict();
export type CuratedListItem = z.output<typeof CuratedListItem>;

export const CuratedList = z
  .object({
    id: Id,
    title: plainText(160, 1),
    description: plainText(1000).default(''),
    owner: z.object({ kind: z.enum(['coach', 'district']), name: plainText(120, 1) }).strict(),
    audience: z
      .object({ gradeBands: z.array(GradeBand).default([]), subjects: z.array(Subject).default([]) })
      .strict()
      .default({ gradeBands: [], subjects: [] }),
    status: z.enum(['draft', 'published']).default('published'),
    items: z.array(CuratedListItem).max(500),
    updatedAt: IsoDateTime,
  })
  .strict()
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.items.forEach((item, index) => {
      if (seen.has(item.resourceId)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'resourceId'], message: 'listed twice' });
      }
      seen.add(item.resourceId);
    });
  });
export type CuratedList = z.output<typeof CuratedList>;
