/**
 * Shared look of every chart: font, colour-blind-safe colours, sizes and the
 * Vega-Lite config block. Charts are pasted into Word and slides, so text is
 * set in DejaVu Sans (the font the PNG renderer embeds) with a fallback stack
 * that has similar metrics, and no label is ever truncated.
 */
import type { Config } from 'vega-lite';

/** The font the PNG renderer loads; first in every font stack. */
export const FONT = 'DejaVu Sans';
/** What the SVG and HTML ask for; Verdana has nearly the same widths as DejaVu Sans. */
export const FONT_STACK = `${FONT}, Verdana, Arial, sans-serif`;

/** Okabe–Ito palette (safe for the common colour-vision deficiencies). */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermilion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const COLORS = {
  /** A yes, a covered cell, a responding organisation. */
  yes: OKABE_ITO.blue,
  /** A no where "no" is a finding (did not respond, not addressed in a tri-state). */
  no: OKABE_ITO.orange,
  /** A gap that must stand out (thin theme, uncovered recommendation). */
  alert: OKABE_ITO.vermilion,
  /** Unknown / not stated. */
  unknown: '#BDBDBD',
  /** Empty cell of a matrix (not covered). */
  empty: '#EEEEEE',
  /** Countries with no data on the map. */
  noData: '#D9D9D9',
  /** Ordinary bars. */
  neutral: OKABE_ITO.blue,
  text: '#222222',
  muted: '#555555',
  grid: '#FFFFFF',
} as const;

/** Sequential schemes (ColorBrewer, colour-blind safe). */
export const SCHEMES = {
  /** Counts in a heatmap (single hue, prints well in grey). */
  counts: 'blues',
  /** Map fill (light yellow to dark blue, distinct from the grey of "no data"). */
  map: 'yellowgreenblue',
} as const;

/** ColorBrewer Blues, 9 classes (light to dark). */
export const BLUES_9 = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;

/**
 * Colours of the counts 0..max: 0 in the grey of an empty cell, 1..max in
 * Blues from the third class on (the first two are too pale to tell from grey).
 */
export function countColors(max: number): string[] {
  const blues = BLUES_9.slice(2);
  const out: string[] = [COLORS.empty];
  for (let i = 1; i <= max; i++) {
    out.push(blues[max === 1 ? 1 : Math.round(((i - 1) * (blues.length - 1)) / (max - 1))]!);
  }
  return out;
}

export const SIZES = {
  /** Side of a matrix cell in px. */
  cell: 22,
  /** Band of a bar in px. */
  bar: 20,
  /** Width of a bar chart's plot area. */
  barWidth: 420,
  mapWidth: 820,
  mapHeight: 360,
  padding: 12,
  fontSize: 11,
  titleSize: 15,
  subtitleSize: 11,
} as const;

/** Default source document. */
export const DOC_SYMBOL = 'A/HRC/14/32';

/** The config block every spec carries. */
export function chartConfig(): Config {
  const f = SIZES.fontSize;
  return {
    font: FONT_STACK,
    background: 'white',
    view: { stroke: null },
    title: {
      anchor: 'start', fontSize: SIZES.titleSize, fontWeight: 'bold', color: COLORS.text,
      subtitleFontSize: SIZES.subtitleSize, subtitleColor: COLORS.muted, subtitlePadding: 4, offset: 12,
    },
    axis: {
      labelFontSize: f, titleFontSize: f, labelColor: COLORS.text, titleColor: COLORS.text,
      domainColor: '#888888', tickColor: '#888888', labelLimit: 0, titleFontWeight: 'bold',
      labelPadding: 4,
    },
    legend: {
      labelFontSize: f, titleFontSize: f, labelColor: COLORS.text, titleColor: COLORS.text,
      labelLimit: 0, titleLimit: 0, symbolType: 'square', symbolSize: 140,
    },
    header: {
      labelFontSize: f, titleFontSize: f, labelColor: COLORS.text, labelFontWeight: 'bold',
      labelLimit: 0, titleLimit: 0,
    },
    text: { fontSize: f, font: FONT_STACK },
    bar: { color: COLORS.neutral },
    rect: { stroke: COLORS.grid, strokeWidth: 1 },
    scale: { bandPaddingInner: 0.2 },
    // Vega lays out text with our DejaVu metrics; keep long labels whole.
    concat: { spacing: 16 },
    facet: { spacing: 10 },
  };
}
