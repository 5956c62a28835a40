// @ts-nocheck
// 
import { join } from 'node:path';
import { readFrame, writeFrame } from '../../io/index.js';
import { generateWorld, summarizeWorld, summarizeWorldBy, type WorldGroupSummary } from '../../synth/index.js';
import { formatPercent, formatTable } from '../output.js';
import { indent } from './demo-format.js';
import type { DemoStep } from './demo-step.js';

/** Step 1: generate the synthetic world and write it as CSV (the real I/O path). */
export const generateStep: DemoStep = {
  key: 'generate',
  title: 'Generate the synthetic lending world',
  needs: [],
  async run(state) {
    const world = generateWorld({ rows: state.rows, seed: state.seed });
    const path = join(state.workDir, 'applications.csv');
    await writeFrame(world.applications, path);
    state.files.applications = path;
    state.results.generate = { rows: world.applications.rowCount, columns: world.applications.columns.length, file: path };
    state.say(`  ${world.applications.rowCount} applications × ${world.applications.columns.length} columns written to ${path}\n`);
  },
};

/** Step 2: read the CSV back into a frame. */
export const loadStep: DemoStep = {
  key: 'load',
  title: 'Load it back',
  needs: ['generate'],
  async run(state) {
    const path = state.files.applications as string;
    state.data = await readFrame(path);
    state.results.load = { rows: state.data.rowCount, columns: state.data.columns.length };
    state.say(`  read ${state.data.rowCount} rows, ${state.data.columns.length} columns\n`);
  },
};

/** Step 3: headline rates and bad rates by segment and by vintage (the downturn shows). */
export const profileStep: DemoStep = {
  key: 'profile',
  title: 'Profile: approval and bad rates by segment and vintage',
  needs: ['load'],
  run(state) {
    const data = state.data;
    if (data === undefined) throw new Error('the profile step needs the load step first');
    const headline = summarizeWorld(data);
    const bySegment = summarizeWorldBy(data, 'segment');
    const byVintage = summarizeWorldBy(data, 'vintage');
    state.results.profile = {
      rows: headline.rows,
      approval_rate: headline.approvalRate,
      bad_rate_approved: headline.badRateApproved,
      true_bad_rate: headline.trueBadRate,
      by_segment: bySegment.map(toJsonRow),
      by_vintage: byVintage.map(toJsonRow),
    };
    state.say(
      `  ${headline.rows} applications: approval rate ${formatPercent(headline.approvalRate)}, ` +
        `bad rate of approved ${formatPercent(headline.badRateApproved)}, true bad rate of all applicants ${formatPercent(headline.trueBadRate)}\n\n`,
    );
    state.say(indent(groupTable('segment', bySegment)));
    state.say('\n');
    state.say(indent(groupTable('vintage', byVintage)));
  },
};

/** The data part of the demo, in order. */
export const dataSteps: readonly DemoStep[] = [generateStep, loadStep, profileStep];

function groupTable(title: string, groups: readonly WorldGroupSummary[]): string {
  return formatTable(
    [title, 'applications', 'approval rate', 'bad rate (approved)', 'true bad rate'],
    groups.map((g) => [g.group, g.rows, formatPercent(g.approvalRate), formatPercent(g.badRateApproved), formatPercent(g.trueBadRate)]),
  );
}

function toJsonRow(g: WorldGroupSummary) {
  return { group: g.group, rows: g.rows, approval_rate: g.approvalRate, bad_rate_approved: g.badRateApproved, true_bad_rate: g.trueBadRate };
}
