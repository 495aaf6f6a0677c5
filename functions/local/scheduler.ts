/**
 * The in-process scheduler: fires each manifest schedule at its declared Asia/Shanghai time with the same
 * payload the stack's schedule rule sends, so the job code is the same in both places.
 */
import type { ScheduleInvocation } from '../lib/dispatch';
import { nextScheduleTime, type ContextManifest } from '../lib/wiring';
import { invoke, type LoadedHandler } from './functions';

export interface LocalScheduler {
  /** Each schedule's next fire time. */
  next(): { context: string; name: string; at: Date }[];
  /** Run a schedule now (development and tests), with `time` as the tick's time. */
  runNow(name: string, time?: Date): Promise<void>;
  stop(): void;
}

export function startScheduler(opts: {
  manifest: readonly ContextManifest[];
  handlers: Map<string, LoadedHandler>;
  now?: () => Date;
  log?: (line: string) => void;
}): LocalScheduler {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? (() => {});
  const schedules = opts.manifest.flatMap((ctx) => ctx.schedules.map((s) => ({ ...s, context: ctx.context })));
  const timers = new Map<string, NodeJS.Timeout>();
  const nextAt = new Map<string, Date>();

  async function fire(s: (typeof schedules)[number], time: Date): Promise<void> {
    const tick: ScheduleInvocation = {
      kind: 'hazmat.schedule',
      schedule: s.name,
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    await invoke(opts.handlers, s.context, tick);
  }

  function arm(s: (typeof schedules)[number]): void {
    const at = nextScheduleTime(s, now());
    nextAt.set(s.name, at);
    const t = setTimeout(
      () => {
        fire(s, at)
          .catch((err) => log(`schedule ${s.name} failed: ${(err as Error).message}`))
          .finally(() => arm(s));
      },
      Math.max(0, at.getTime() - now().getTime()),
    );
    t.unref();
    timers.set(s.name, t);
  }

  schedules.forEach(arm);

  return {
    next: () => schedules.map((s) => ({ context: s.context, name: s.name, at: nextAt.get(s.name)! })),
    async runNow(name, time = now()) {
      const s = schedules.find((x) => x.name === name);
      if (!s) throw new Error(`no schedule named ${name}`);
      await fire(s, time);
    },
    stop() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
