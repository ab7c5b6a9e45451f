import type { z } from 'astro/zod';
import type { sourceSchema } from '../schemas/strict.ts';
import { formatDate } from './dates.ts';

export type Source = z.infer<typeof sourceSchema>;

/**
 * Who published a source and when, as written after its title in a list of sources; empty when
 * neither is known.
 * @example sourcePublication({ title: 'Liaison and Diversion Standard Service Specification 2019', publisher: 'NHS England and NHS Improvement', published: new Date('2019-11-20') })
 * // => 'NHS England and NHS Improvement, 20 November 2019'
 */
export function sourcePublication(source: Pick<Source, 'publisher' | 'published'>): string {
  return [source.publisher, source.published && formatDate(source.published)].filter(Boolean).join(', ');
}
