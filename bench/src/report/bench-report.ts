import type { CliQuestionFigures } from '../cli-questions/cli-question-bench.js';
import type { CommandFigures } from '../commands/command-bench.js';
import type { DecodeFigures } from '../decode/decode-overhead.js';
import type { EmmettFigures } from '../emmett/emmett-bench.js';
import type { EsdbFigures } from '../esdb/esdb-bench.js';
import type { PostgresFigures } from '../postgres/pg-bench.js';
import type { ReplayFigures } from '../replay/replay-bench.js';
import type { MachineFacts } from './machine.js';
import type { Spread } from './spread.js';

/** Every figure of one bench run. */
export interface BenchResults {
  readonly machine: MachineFacts;
  readonly runs: number;
  readonly smoke: boolean;
  readonly replay: ReplayFigures;
  readonly decode: DecodeFigures;
  readonly commands: CommandFigures;
  readonly emmett: EmmettFigures;
  readonly esdb: EsdbFigures;
  /** The same catch-up through `@kurrent/kurrentdb-client`. */
  readonly kurrentdb: EsdbFigures;
  /** The posting workload and catch-up on PostgreSQL, ours beside Emmett's. */
  readonly postgres: PostgresFigures;
  /** An auditor's question of the large journal, asked again, and after more events were appended. */
  readonly cliQuestions: CliQuestionFigures;
}

/** One line of the table: a figure's spread over the runs, and its target if it has one. */
interface Row {
  readonly key: string;
  readonly spread: Spread;
  readonly unit: string;
  readonly target?: string;
}

const rowsOf = (results: BenchResults): readonly Row[] => {
  const { replay, decode, commands, emmett, esdb, kurrentdb, postgres, cliQuestions } = results;
  const point = (value: number): Spread => ({ min: value, median: value, max: value });
  return [
    { key: 'replay_events_per_sec', spread: replay.large.eventsPerSec, unit: 'events/s' },
    { key: 'replay_small_events_per_sec', spread: replay.small.eventsPerSec, unit: 'events/s' },
    { key: 'journal_read_events_per_sec', spread: replay.largeReadOnlyEventsPerSec, unit: 'events/s' },
    { key: 'replay_floor_events_per_sec', spread: replay.largeFloorEventsPerSec, unit: 'events/s' },
    { key: 'replay_vs_floor_ratio', spread: point(replay.large.eventsPerSec.median / replay.largeFloorEventsPerSec.median), unit: 'x', target: '>= 0.5' },
    { key: 'cli_first_query_seconds', spread: cliQuestions.firstSeconds, unit: 's' },
    { key: 'cli_second_query_seconds', spread: cliQuestions.secondSeconds, unit: 's' },
    { key: 'cli_second_query_ratio', spread: cliQuestions.secondRatio, unit: 'x', target: '<= 0.05' },
    { key: 'cli_after_append_query_ratio', spread: cliQuestions.afterAppendRatio, unit: 'x', target: '<= 0.10' },
    { key: 'replay_peak_rss_mb', spread: replay.large.peakRssMb, unit: 'MiB' },
    { key: 'replay_small_peak_rss_mb', spread: replay.small.peakRssMb, unit: 'MiB' },
    { key: 'replay_rss_growth_ratio', spread: point(replay.rssGrowthRatio), unit: 'x', target: '<= 2.5' },
    { key: 'views_bytes_per_event', spread: replay.large.viewsBytesPerEvent, unit: 'bytes', target: '<= 150' },
    { key: 'replay_views_heap_mb', spread: replay.large.heapWithViewsMb, unit: 'MiB' },
    { key: 'replay_small_views_heap_mb', spread: replay.small.heapWithViewsMb, unit: 'MiB' },
    { key: 'replay_heap_without_views_mb', spread: replay.large.heapWithoutViewsMb, unit: 'MiB' },
    { key: 'replay_small_heap_without_views_mb', spread: replay.small.heapWithoutViewsMb, unit: 'MiB' },
    { key: 'replay_views_growth_ratio', spread: point(replay.large.heapWithViewsMb.median / replay.small.heapWithViewsMb.median), unit: 'x' },
    { key: 'replay_heap_without_views_growth_ratio', spread: point(replay.large.heapWithoutViewsMb.median / replay.small.heapWithoutViewsMb.median), unit: 'x' },
    { key: 'decode_overhead_ratio', spread: decode.overheadRatio, unit: 'x' },
    { key: 'decode_parse_us_per_event', spread: decode.parseUsPerEvent, unit: 'us' },
    { key: 'decode_parse_and_decode_us_per_event', spread: decode.parseAndDecodeUsPerEvent, unit: 'us' },
    { key: 'command_ops_per_sec', spread: commands.opsPerSec, unit: 'commands/s' },
    ...Object.entries(commands.latencyUsByStreamLength).map(([length, spread]) => ({ key: `command_latency_us_at_${length}_events`, spread, unit: 'us' })),
    ...Object.entries(commands.firstCommandUsByStreamLength).map(([length, spread]) => ({ key: `first_command_us_at_${length}_events`, spread, unit: 'us' })),
    { key: 'vs_emmett_command_ratio', spread: emmett.commandRatio, unit: 'x', target: '>= 1.0' },
    { key: 'ours_posting_commands_per_sec', spread: emmett.oursCommandsPerSec, unit: 'commands/s' },
    { key: 'emmett_posting_commands_per_sec', spread: emmett.emmettCommandsPerSec, unit: 'commands/s' },
    { key: 'ours_uncached_posting_commands_per_sec', spread: emmett.oursUncachedCommandsPerSec, unit: 'commands/s' },
    { key: 'vs_emmett_replay_ratio', spread: emmett.replayRatio, unit: 'x', target: '>= 1.0' },
    { key: 'ours_stream_replay_events_per_sec', spread: emmett.oursReplayEventsPerSec, unit: 'events/s' },
    { key: 'emmett_stream_replay_events_per_sec', spread: emmett.emmettReplayEventsPerSec, unit: 'events/s' },
    { key: 'esdb_catchup_events_per_sec', spread: esdb.adapterEventsPerSec, unit: 'events/s' },
    { key: 'esdb_raw_client_events_per_sec', spread: esdb.rawClientEventsPerSec, unit: 'events/s' },
    { key: 'esdb_vs_raw_client_ratio', spread: esdb.adapterVsRawRatio, unit: 'x', target: '>= 0.9' },
    { key: 'esdb_catchup_events_per_sec_kurrentdb', spread: kurrentdb.adapterEventsPerSec, unit: 'events/s' },
    { key: 'esdb_raw_client_events_per_sec_kurrentdb', spread: kurrentdb.rawClientEventsPerSec, unit: 'events/s' },
    { key: 'esdb_vs_raw_client_ratio_kurrentdb', spread: kurrentdb.adapterVsRawRatio, unit: 'x', target: '>= 0.9' },
    { key: 'vs_emmett_pg_command_ratio', spread: postgres.commandRatio, unit: 'x', target: '>= 1.0' },
    { key: 'ours_pg_posting_commands_per_sec', spread: postgres.oursCommandsPerSec, unit: 'commands/s' },
    { key: 'emmett_pg_posting_commands_per_sec', spread: postgres.emmettCommandsPerSec, unit: 'commands/s' },
    { key: 'ours_pg_uncached_posting_commands_per_sec', spread: postgres.oursUncachedCommandsPerSec, unit: 'commands/s' },
    { key: 'vs_emmett_pg_catchup_ratio', spread: postgres.catchUpRatio, unit: 'x', target: '>= 1.0' },
    { key: 'ours_pg_catchup_events_per_sec', spread: postgres.oursCatchUpEventsPerSec, unit: 'events/s' },
    { key: 'emmett_pg_catchup_events_per_sec', spread: postgres.emmettCatchUpEventsPerSec, unit: 'events/s' },
  ];
};

const shown = (value: number): string =>
  !Number.isFinite(value) ? String(value) : Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 3);

/** The figures as a table for a terminal, with what was measured and on what. */
export const renderTable = (results: BenchResults): string => {
  const { machine, replay, decode, commands, emmett, esdb, postgres } = results;
  const rows = rowsOf(results);
  const header = ['figure', 'min', 'median', 'max', 'unit', 'target'];
  const cells = rows.map((row) => [row.key, shown(row.spread.min), shown(row.spread.median), shown(row.spread.max), row.unit, row.target ?? '']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const line = (values: readonly string[]): string =>
    values.map((value, column) => (column === 0 || column >= 4 ? value.padEnd(widths[column] ?? 0) : value.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [
    `borough-command bench${results.smoke ? ' (smoke sizes)' : ''}: ${String(results.runs)} run(s) each; ${String(machine.cores)} cores, ${machine.cpu}, Node ${machine.node}, ${String(machine.memoryGb)} GiB, load ${machine.loadAverage.toFixed(2)} at start`,
    `replay: journals of ${String(replay.large.events)} events (${shown(replay.large.journalMb)} MiB) and ${String(replay.small.events)} events (${shown(replay.small.journalMb)} MiB), each replay in its own process`,
    `decode: ${String(decode.events)} stored events; commands: ${String(commands.commands)} (postings and appointments); Emmett: ${String(emmett.commands)} posting commands on ${String(emmett.streams)} streams, ${String(emmett.events)} events; EventStoreDB: ${String(esdb.events)} events through each client`,
    `PostgreSQL: ${String(postgres.commands)} posting commands (${String(postgres.events)} events) through each store in a database of its own, then ${String(postgres.catchUpRounds)} catch-up(s) of each`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
  ].join('\n');
};

/** The figures as one JSON object: the headline keys hold medians, `spread` holds min, median and max of every figure. */
export const resultsJson = (results: BenchResults): Record<string, unknown> => {
  const rows = rowsOf(results);
  const median = (key: string): number => rows.find((row) => row.key === key)?.spread.median ?? Number.NaN;
  return {
    replay_events_per_sec: median('replay_events_per_sec'),
    replay_peak_rss_mb: median('replay_peak_rss_mb'),
    replay_rss_growth_ratio: results.replay.rssGrowthRatio,
    views_bytes_per_event: median('views_bytes_per_event'),
    decode_overhead_ratio: median('decode_overhead_ratio'),
    command_ops_per_sec: median('command_ops_per_sec'),
    command_latency_us_by_stream_length: Object.fromEntries(Object.entries(results.commands.latencyUsByStreamLength).map(([length, spread]) => [length, spread.median])),
    vs_emmett_command_ratio: median('vs_emmett_command_ratio'),
    vs_emmett_replay_ratio: median('vs_emmett_replay_ratio'),
    esdb_catchup_events_per_sec: median('esdb_catchup_events_per_sec'),
    esdb_vs_raw_client_ratio: median('esdb_vs_raw_client_ratio'),
    esdb_catchup_events_per_sec_kurrentdb: median('esdb_catchup_events_per_sec_kurrentdb'),
    esdb_vs_raw_client_ratio_kurrentdb: median('esdb_vs_raw_client_ratio_kurrentdb'),
    replay_vs_floor_ratio: median('replay_vs_floor_ratio'),
    cli_second_query_ratio: median('cli_second_query_ratio'),
    cli_after_append_query_ratio: median('cli_after_append_query_ratio'),
    vs_emmett_pg_command_ratio: median('vs_emmett_pg_command_ratio'),
    vs_emmett_pg_catchup_ratio: median('vs_emmett_pg_catchup_ratio'),
    runs: results.runs,
    smoke: results.smoke,
    machine: results.machine,
    sizes: {
      replay_events: results.replay.large.events,
      replay_small_events: results.replay.small.events,
      decode_events: results.decode.events,
      commands: results.commands.commands,
      emmett_commands: results.emmett.commands,
      emmett_streams: results.emmett.streams,
      emmett_events: results.emmett.events,
      esdb_events: results.esdb.events,
      postgres_commands: results.postgres.commands,
      postgres_events: results.postgres.events,
      postgres_catchup_rounds: results.postgres.catchUpRounds,
    },
    spread: Object.fromEntries(rows.map((row) => [row.key, row.spread])),
  };
};
