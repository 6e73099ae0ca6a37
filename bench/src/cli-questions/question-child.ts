/**
 * One `borough-command` question in a process of its own: `question-child.ts <args...>` runs the
 * command line's `main` and prints, on its last line, one JSON object with the exit code and the
 * seconds from the process's start to the answer (what an auditor waits).
 */
import { main } from '@borough-command/cli';

const code = await main(process.argv.slice(2));
console.log(JSON.stringify({ code, seconds: process.uptime() }));
