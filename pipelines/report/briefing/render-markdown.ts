/**
 * The briefing model as Markdown (CommonMark/GFM). Charts are images beside the
 * briefing in the build (../charts/<name>.png) with their title as the alt text,
 * so the finding a chart states survives when the images do not travel with it.
 * (The chart's long description is not used: it repeats the citations.)
 */
import type { Block, BriefingDoc, Section } from './model.ts';

/** Escape text for Markdown: inline punctuation, HTML, and line-start markers. */
export function escapeMarkdown(s: string): string {
  return String(s ?? '').replace(/\s+/g, ' ').trim()
    .replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function blockMd(b: Block): string[] {
  switch (b.type) {
    case 'text': return [escapeMarkdown(b.text), ''];
    case 'list': return [...b.items.map((i) => `- ${escapeMarkdown(i)}`), ''];
    case 'meta': return [...b.items.map((i) => `- **${escapeMarkdown(i.label)}:** ${escapeMarkdown(i.value)}`), ''];
    case 'quote': return [`> “${escapeMarkdown(b.text)}” (${escapeMarkdown(b.citation)})`, ''];
    case 'finding': return [
      `**${escapeMarkdown(b.finding.statement)}**`, '',
      ...b.finding.quotes.flatMap((q) => [`> “${escapeMarkdown(q.text)}” (${escapeMarkdown(q.citation)})`, '']),
      ...(b.finding.explorer ? [`[The claims behind it, in the explorer](${b.finding.explorer})`, ''] : []),
    ];
    case 'chart': return [`![Chart: ${escapeMarkdown(b.chart.title)}](../charts/${b.chart.name}.png)`, ''];
  }
}

function sectionMd(s: Section): string[] {
  return [`## ${escapeMarkdown(s.heading)}`, '', ...s.blocks.flatMap(blockMd)];
}

export function renderMarkdown(doc: BriefingDoc): string {
  return [`# ${escapeMarkdown(doc.title)}`, '', `*${escapeMarkdown(doc.subtitle)}*`, '', ...doc.sections.flatMap(sectionMd)].join('\n');
}
