import { describe, expect, it } from 'vitest';
import { bulletinArticle, jsonLd } from './structured-data.ts';

const facts = {
  url: 'https://ld.example.org/bulletins/2015-05/',
  title: 'Synthetic issue',
  summary: 'A summary.',
  published: new Date('2015-05-27'),
  topics: ['wave 1'],
  imageUrl: 'https://ld.example.org/og-image.png',
  organisation: 'NHS England',
  organisationUrl: 'https://ld.example.org/',
  logoUrl: 'https://ld.example.org/assets/images/nhsuk-icon-512.png',
};

describe('bulletinArticle', () => {
  it('describes the issue as a NewsArticle with the fields search engines ask for', () => {
    expect(bulletinArticle(facts)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Synthetic issue',
      datePublished: '2015-05-27',
      image: ['https://ld.example.org/og-image.png'],
      author: { '@type': 'Organization', name: 'NHS England' },
      publisher: { logo: { url: 'https://ld.example.org/assets/images/nhsuk-icon-512.png' } },
    });
  });
});

describe('jsonLd', () => {
  it('cannot close its script element, and parses back to the same data', () => {
    const text = jsonLd({ headline: 'A </script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ headline: 'A </script><script>alert(1)</script>' });
  });
});
