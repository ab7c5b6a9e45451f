import type { NewsArticle, WithContext } from 'schema-dts';

/** What a bulletin's schema.org description is made from; every address absolute. */
export interface ArticleFacts {
  url: string;
  title: string;
  summary: string;
  published: Date;
  topics: string[];
  imageUrl: string;
  organisation: string;
  organisationUrl: string;
  logoUrl: string;
}

/**
 * A bulletin issue as a schema.org NewsArticle, for search engines' article results.
 * @example bulletinArticle(facts)['@type'] // => 'NewsArticle'
 */
export function bulletinArticle(facts: ArticleFacts): WithContext<NewsArticle> {
  const organisation = { '@type': 'Organization', name: facts.organisation, url: facts.organisationUrl } as const;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: facts.title,
    description: facts.summary,
    url: facts.url,
    mainEntityOfPage: facts.url,
    datePublished: facts.published.toISOString().slice(0, 10),
    inLanguage: 'en-GB',
    keywords: facts.topics,
    image: [facts.imageUrl],
    author: organisation,
    publisher: { ...organisation, logo: { '@type': 'ImageObject', url: facts.logoUrl } },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<` is escaped so no text in it can
 * close the element early.
 * @example jsonLd({ name: '</script>' }) // => '{"name":"\\u003c/script>"}'
 */
export function jsonLd(data: object): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
