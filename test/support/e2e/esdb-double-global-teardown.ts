export default async function stopDoubleForE2e(): Promise<void> {
  await globalThis.esdbDoubleForE2e?.stop();
  globalThis.esdbDoubleForE2e = undefined;
}
