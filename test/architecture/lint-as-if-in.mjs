// Lints source text as if it were a file at a given path, with the repository's own ESLint config,
// and prints the boundary rule's messages as JSON, with the folders the layers list:
// { results: [{ filePath, messages: [{ ruleId, message }] }], folders: string[] }.
// Input on stdin: [{ filePath, code }]. A separate process, because the config is an ES module.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { LAYERS } from '../../eslint.boundaries.mjs';

const fixtures = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of fixtures) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push({
    filePath,
    messages: result.messages
      .filter((m) => m.ruleId?.startsWith('boundaries/'))
      .map(({ ruleId, message }) => ({ ruleId, message })),
  });
}
process.stdout.write(JSON.stringify({ results, folders: Object.values(LAYERS).flat() }));
