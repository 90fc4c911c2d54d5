import { writeFileAtomic } from '../files/write-file-atomic.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printNotices } from './print-notices.js';

const REPORTERS = ['text', 'json', 'html'] as const;

/** `orch-guard metrics`: over the kept runs of `orch-guard run`, what each gate caught and blamed on which task, outcomes, times, trend. */
export function registerMetricsCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('metrics')
    .description('Show, over the pipeline runs the registry keeps (pipeline.keepRuns, default 200): findings caught per gate and rule and the tasks they were blamed on; failed, blocked, retried and timed-out tasks; time per phase and wave; dead code and duplicates per run.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--reporter <name[:file]>', 'text, json, or html (a self-contained page with charts); `:file` writes it there', 'text')
    .action(async (flags: { root: string; config?: string; reporter: string }) => {
      const [name, file] = flags.reporter.split(/:(.*)/s) as [string, string | undefined];
      if (!(REPORTERS as readonly string[]).includes(name)) throw new UsageError(`--reporter ${flags.reporter}: metrics supports ${REPORTERS.join(', ')}`);
      const [{ formatMetricsHtml }, { formatMetricsText }, { readPipelineMetrics }] = await Promise.all([
        import('../orchestrate/metrics/format-metrics-html.js'), import('../orchestrate/metrics/format-metrics-text.js'), import('../orchestrate/read-metrics.js'),
      ]);
      const result = await readPipelineMetrics({ root: flags.root, configFile: flags.config });
      printNotices(result.notices);
      const output = name === 'json' ? `${JSON.stringify(result.metrics, null, 2)}\n` : name === 'html' ? formatMetricsHtml(result.metrics) : formatMetricsText(result.metrics);
      if (file !== undefined && file !== '') writeFileAtomic(file, output);
      else process.stdout.write(output);
      setExitCode(result.exitCode);
    });
}
