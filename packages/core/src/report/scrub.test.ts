import { expect, it } from 'vitest';
import { scrubDeep, scrubText, withoutSecrets } from './scrub.js';

it('replaces every occurrence, the longer secret first', () => {
  expect(scrubText('a ghs_abc b ghs_abcdef c ghs_abc', ['ghs_abc', 'ghs_abcdef'])).toBe('a *** b *** c ***');
  expect(scrubText('nothing here', [''])).toBe('nothing here');
});

it('scrubs the strings and keys of sections, and the title', () => {
  const o = withoutSecrets({ title: 'T tok', secrets: ['tok'], sections: [{ section: { markdown: '| tok |', data: { tok: [1, 'x tok'] } } }] });
  expect(o.title).toBe('T ***');
  expect(o.sections).toEqual([{ section: { markdown: '| *** |', data: { '***': [1, 'x ***'] } } }]);
  expect(scrubDeep({ n: 1 }, [])).toEqual({ n: 1 });
});

it('finds secrets in the environment by their name, and masks tokens by their shape', async () => {
  const { secretsInEnv, scrubSecretsAndTokens } = await import('./scrub.js');
  expect(
    secretsInEnv({ HF_TOKEN: 'hf_secretvalue', AWS_SECRET_ACCESS_KEY: 'abcdef123', PATH: '/usr/bin:/bin', GH_TOKEN: 'abc', EPOCHS: '12345678' }).sort(),
  ).toEqual(['abcdef123', 'hf_secretvalue']);
  const ghp = `ghp_${'A1b2C3'.repeat(6)}`;
  expect(scrubSecretsAndTokens(`a ${ghp} b AKIAABCDEFGHIJKLMNOP c ghp_short d`, [])).toBe('a *** b *** c ghp_short d');
  expect(scrubSecretsAndTokens('x my-pass y', ['my-pass'])).toBe('x *** y');
});
