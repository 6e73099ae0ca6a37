import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, trustedMarkup } from '../../src/report/html.js';
import { decodeEntities } from './support/markup.js';

const hostileText = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '/', '=', ';', '#', 'é', '\u2028'), maxLength: 40 });

describe('escaping of text that came from events', () => {
  it('writes the five markup characters as entities', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml('Smith & "Jones" O\'Neil')).toBe('Smith &amp; &quot;Jones&quot; O&#39;Neil');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves no markup character in any text, and the browser reads back the text itself', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(decodeEntities(escaped)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing in text without markup characters', () => {
    fc.assert(
      fc.property(fc.string().filter((text) => !/[&<>"']/.test(text)), (text) => {
        expect(escapeHtml(text)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the html template', () => {
  it('escapes every value in text and in attributes, and keeps its own markup', () => {
    const name = '<b>"Ann" & Bo</b>';
    expect(html`<td title="${name}">${name}</td>`.markup).toBe(
      '<td title="&lt;b&gt;&quot;Ann&quot; &amp; Bo&lt;/b&gt;">&lt;b&gt;&quot;Ann&quot; &amp; Bo&lt;/b&gt;</td>',
    );
  });

  it('does not escape markup twice, joins lists, and writes nothing for null and undefined', () => {
    const cell = html`<td>${'a & b'}</td>`;
    expect(html`<tr>${[cell, cell]}${null}${undefined}${3}</tr>`.markup).toBe('<tr><td>a &amp; b</td><td>a &amp; b</td>3</tr>');
    expect(joinHtml(['<x>', html`<br>`, 'y'], ', ').markup).toBe('&lt;x&gt;, <br>, y');
    expect(trustedMarkup('<style>a{}</style>').markup).toBe('<style>a{}</style>');
  });

  it('keeps any text intact through a text node and a quoted attribute', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const { markup } = html`<p title="${text}">${text}</p>`;
        const match = /^<p title="([^"]*)">([^<]*)<\/p>$/.exec(markup);
        expect(match).not.toBeNull();
        expect(decodeEntities(match?.[1] ?? '')).toBe(text);
        expect(decodeEntities(match?.[2] ?? '')).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
