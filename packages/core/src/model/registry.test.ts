import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { planRegistry } from './plan.js';
import { readArtifact, readRegistry, type RegistryTag } from './registry.js';
import { formatTag, nextCounter, parseTag } from './tag.js';
import { bumpVersion } from './versions.js';

/** The tags of iterative/example-gto, GTO's own sample registry, as `gto` wrote them. */
function exampleGto(): RegistryTag[] {
  return readFileSync(join(import.meta.dirname, 'fixtures/example-gto.tags.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [tag, commit, time, message] = line.split('\t');
      return { tag, commit, time: Number(time) * 1000, annotated: true, message };
    });
}

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const D = 'd'.repeat(40);

/**
 * A history as `gto` writes it: register, assign, promote, unassign, deregister (a pre-release),
 * a rollback of staging, a lightweight tag (not GTO's: ignored) and a deprecated artifact.
 */
const HISTORY: Array<[string, string, number, boolean?]> = [
  ['churn@v1.0.0', A, 1],
  ['churn#staging#1', A, 2],
  ['churn@v1.0.1', B, 3],
  ['churn#staging#2', B, 4],
  ['churn#prod#3', A, 5],
  ['churn@v1.1.0-rc.1', C, 6],
  ['churn#prod#4', B, 7],
  ['churn#prod!#5', B, 8],
  ['churn@v1.1.0-rc.1!#6', C, 9],
  ['churn@v9.9.9', C, 10, false],
  ['churn#staging#7', A, 11],
  ['old@v0.1.0', A, 1],
  ['old@deprecated#1', A, 2],
  ['not-a-gto-tag', A, 3],
];
const history = (): RegistryTag[] => HISTORY.map(([tag, commit, t, annotated = true]) => ({ tag, commit, time: t * 1000, annotated }));

describe("GTO's tag grammar", () => {
  it('reads every kind of tag, and writes it back the same', () => {
    const cases = {
      'churn@v1.2.3': { name: 'churn', action: 'register', version: 'v1.2.3' },
      'churn@v2.0.0-rc.1+build.5#3': { name: 'churn', action: 'register', version: 'v2.0.0-rc.1+build.5', counter: 3 },
      'churn@v1.2.3!#4': { name: 'churn', action: 'deregister', version: 'v1.2.3', counter: 4 },
      'churn#prod#12': { name: 'churn', action: 'assign', stage: 'prod', counter: 12 },
      'churn#prod!#13': { name: 'churn', action: 'unassign', stage: 'prod', counter: 13 },
      'churn@deprecated#14': { name: 'churn', action: 'deprecate', counter: 14 },
      'team/churn_v2@v0.0.1': { name: 'team/churn_v2', action: 'register', version: 'v0.0.1' },
      'models=churn@v1.0.0': { name: 'models:churn', action: 'register', version: 'v1.0.0' },
    } as const;
    for (const [tag, parsed] of Object.entries(cases)) {
      expect(parseTag(tag), tag).toEqual(parsed);
      expect(formatTag(parsed), tag).toBe(tag);
    }
  });

  it('refuses what GTO refuses', () => {
    for (const tag of [
      'churn@1.0.0',
      'churn@v1.0',
      'churn@v01.0.0',
      '-churn@v1.0.0',
      'churn-@v1.0.0',
      'churn#prod',
      'churn#prod#x',
      'churn#-prod#1',
      'v1.0.0',
    ]) {
      if (tag === 'churn#prod') {
        // Stage tags without a counter are GTO's `simple` form: they parse.
        expect(parseTag(tag)?.action).toBe('assign');
        continue;
      }
      expect(parseTag(tag), tag).toBeUndefined();
    }
  });

  it('counts on from the highest counter of the name, whatever the action', () => {
    expect(
      nextCounter(
        exampleGto().map((t) => t.tag),
        'churn',
      ),
    ).toBe(5);
    expect(
      nextCounter(
        exampleGto().map((t) => t.tag),
        'segment',
      ),
    ).toBe(2);
    expect(
      nextCounter(
        exampleGto().map((t) => t.tag),
        'cv-class',
      ),
    ).toBe(1);
    expect(
      nextCounter(
        HISTORY.map(([t]) => t),
        'churn',
      ),
    ).toBe(8);
  });

  it('bumps as GTO does: a pre-release bumps past its release', () => {
    expect(bumpVersion('v1.2.3', 'patch')).toBe('v1.2.4');
    expect(bumpVersion('v1.2.3', 'minor')).toBe('v1.3.0');
    expect(bumpVersion('v1.2.3', 'major')).toBe('v2.0.0');
    expect(bumpVersion('v1.2.3-rc.1', 'patch')).toBe('v1.2.4');
  });
});

describe('the registry read back, as GTO reads it', () => {
  it("iterative/example-gto: gto show's table", () => {
    const all = readRegistry(exampleGto());
    const table = Object.fromEntries(
      [...all].map(([name, a]) => [name, { version: a.latest?.version, stages: Object.fromEntries(Object.entries(a.stages).map(([s, i]) => [s, i.version])) }]),
    );
    expect(table).toEqual({
      churn: { version: 'v3.1.0', stages: { dev: 'v3.1.0', prod: 'v3.0.0', staging: 'v3.1.0' } },
      segment: { version: 'v0.4.1', stages: { dev: 'v0.4.1' } },
      'cv-class': { version: 'v0.1.13', stages: {} },
    });
  });

  it('unassign, deregister, deprecate and a lightweight tag', () => {
    const churn = readArtifact(history(), 'churn');
    // v1.1.0-rc.1 was deregistered and the lightweight v9.9.9 is not GTO's: the latest is v1.0.1.
    expect(churn.latest?.version).toBe('v1.0.1');
    expect(churn.versions.find((v) => v.version === 'v1.1.0-rc.1')?.active).toBe(false);
    expect(churn.versions.some((v) => v.version === 'v9.9.9')).toBe(false);
    // prod: v1.0.1 was unassigned, so v1.0.0 (assigned at 5, never unassigned) is current again.
    expect(churn.stages.prod).toMatchObject({ version: 'v1.0.0', tag: 'churn#prod#3' });
    // staging moved back to v1.0.0 by a later assignment (a rollback).
    expect(churn.stages.staging).toMatchObject({ version: 'v1.0.0', tag: 'churn#staging#7' });
    expect(churn.deprecated).toBe(false);
    // gto which sorts by SemVer: the highest version still active in staging.
    expect(readArtifact(history(), 'churn', { bySemver: true }).stages.staging.version).toBe('v1.0.1');

    const old = readArtifact(history(), 'old');
    expect(old.deprecated).toBe(true);
    expect(readRegistry(history()).has('not-a-gto-tag')).toBe(false);
  });
});

describe('what a publication registers', () => {
  const names = HISTORY.map(([t]) => t);

  it('auto on a new commit: the next patch, and the stage with the next counter', () => {
    const plan = planRegistry({
      name: 'churn',
      version: 'auto',
      bump: 'patch',
      stage: 'staging',
      commit: D,
      state: readArtifact(history(), 'churn'),
      tagNames: names,
    });
    expect(plan.version).toBe('v1.0.2');
    expect(plan.make).toEqual([
      { tag: 'churn@v1.0.2', commit: D, message: 'Registering artifact churn version v1.0.2' },
      { tag: 'churn#staging#8', commit: D, message: 'Assigning stage staging to artifact churn version v1.0.2' },
    ]);
  });

  it('auto on a commit that carries a version: that version, nothing to make', () => {
    const plan = planRegistry({ name: 'churn', version: 'auto', bump: 'minor', commit: B, state: readArtifact(history(), 'churn'), tagNames: names });
    expect(plan).toMatchObject({ version: 'v1.0.1', versionTag: 'churn@v1.0.1', existed: true, make: [] });
  });

  it('the first version is v0.0.1', () => {
    expect(planRegistry({ name: 'fresh', version: 'auto', bump: 'patch', commit: D, state: readArtifact([], 'fresh'), tagNames: [] }).version).toBe('v0.0.1');
  });

  it('rollback: version v3.0.0, stage staging moves staging back with the next counter, registers nothing', () => {
    const tags = exampleGto();
    const plan = planRegistry({
      name: 'churn',
      version: 'v3.0.0',
      bump: 'patch',
      stage: 'staging',
      commit: D,
      state: readArtifact(tags, 'churn'),
      tagNames: tags.map((t) => t.tag),
    });
    expect(plan.make).toEqual([
      { tag: 'churn#staging#5', commit: '5561a3bda81b18d0b0ca24bc2ced0bb9ca2ac720', message: 'Assigning stage staging to artifact churn version v3.0.0' },
    ]);
    // Read back with the new tag: staging is v3.0.0 again; the latest version is still v3.1.0.
    const after = readArtifact([...tags, { tag: plan.make[0].tag, commit: plan.make[0].commit, time: Date.now(), annotated: true }], 'churn');
    expect(after.stages.staging.version).toBe('v3.0.0');
    expect(after.latest?.version).toBe('v3.1.0');
  });

  it('a stage that already has this version gets no new tag', () => {
    const plan = planRegistry({
      name: 'churn',
      version: 'v1.0.0',
      bump: 'patch',
      stage: 'prod',
      commit: D,
      state: readArtifact(history(), 'churn'),
      tagNames: names,
    });
    expect(plan).toMatchObject({ make: [], stageTag: 'churn#prod#3' });
  });

  it('refuses a version registered at another commit (no stage) and a second version on one commit, naming "version"', () => {
    const state = readArtifact(history(), 'churn');
    const other = () => planRegistry({ name: 'churn', version: 'v1.0.0', bump: 'patch', commit: D, state, tagNames: names });
    expect(other).toThrow(UserError);
    expect(other).toThrow(/input "version": churn v1.0.0 is registered at commit aaaaaaaaaaaa/);
    expect(() => planRegistry({ name: 'churn', version: 'v2.0.0', bump: 'patch', commit: B, state, tagNames: names })).toThrow(/already carries churn v1.0.1/);
  });
});
