import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { logToStderr } from './cli-context';
import { describeFailure, EXIT } from './cli-errors';
import { registerReadCommands } from './commands/read-commands';
import { registerWriteCommands } from './commands/write-commands';

/** commander's errors on one line: its "(Did you mean …?)" follows on the same line. */
const oneLine = (text: string): string => `${text.trim().replace(/\s*\n\s*/g, ' ')}\n`;

function buildProgram(): Command {
  const program = new Command()
    .name('always-events')
    .description(
      'Operations on the Always Events programme tracker (same configuration as the service). ' +
        'Data goes to stdout (or --output), everything else to stderr. Exit codes: 0 done, 1 failed, ' +
        '2 usage (unknown command or option, bad argument, missing input, unwritable output), 3 verify found a mismatch.',
    )
    // Settings before the commands, which inherit them: errors thrown to main(), printed on one line.
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(oneLine(text)) });
  registerReadCommands(program);
  registerWriteCommands(program);
  const names = program.commands.map((c) => c.name());
  program.on('command:*', ([name]: string[]) => {
    program.error(`error: unknown command '${name}' (commands: ${names.join(', ')})`, {
      exitCode: EXIT.usage,
      code: 'commander.unknownCommand',
    });
  });
  return program;
}

async function main(): Promise<void> {
  logToStderr();
  try {
    await buildProgram().parseAsync();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are answers, not errors; commander has printed whatever it had to say.
      const answered = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(
        error.code,
      );
      process.exitCode = answered && error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const { line, exitCode } = describeFailure(error);
    process.stderr.write(`error: ${line}\n`);
    process.exitCode = exitCode;
  }
}

void main();
