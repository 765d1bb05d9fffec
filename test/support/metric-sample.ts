/** A sample's value in a Prometheus text scrape, NaN when it is missing: `name` alone, or with one label. */
export function metricSample(text: string, name: string, label?: [string, string]): number {
  const series = label ? `${name}{${label[0]}="${label[1]}"}` : name;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.split(' ')[1]);
}
