/** Just enough SVG markup for the chart images: escaped text, attributes in a fixed order. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

type Value = string | number | null | undefined;

/** Numbers to two decimals: enough for pixels, and the same text for the same chart. */
const show = (value: string | number): string =>
  typeof value === 'number' ? String(Math.round(value * 100) / 100) : escapeXml(value);

export function element(
  name: string,
  attributes: Record<string, Value>,
  children: string | string[] = '',
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${show(value)}"`)
    .join('');
  const content = Array.isArray(children) ? children.join('') : children;
  return content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

export const text = (attributes: Record<string, Value>, content: string): string =>
  element('text', attributes, escapeXml(content));

/** An estimate of a text's width: charts are laid out without a font engine, so labels keep a margin. */
export const textWidth = (content: string, fontSize: number): number => content.length * fontSize * 0.6;

/** `content`, cut with an ellipsis to fit `width`. */
export function fitText(content: string, fontSize: number, width: number): string {
  if (textWidth(content, fontSize) <= width) return content;
  const chars = Math.max(1, Math.floor(width / (fontSize * 0.6)) - 1);
  return `${content.slice(0, chars).trimEnd()}…`;
}
