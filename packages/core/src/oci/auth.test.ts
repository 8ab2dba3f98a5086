import { describe, expect, it } from 'vitest';
import { basicHeader, parseChallenges, tokenUrl } from './auth.js';

describe('parseChallenges', () => {
  it('reads the Bearer challenge of distribution, GHCR and Docker Hub', () => {
    expect(parseChallenges('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/m:pull"')).toEqual([
      { scheme: 'bearer', realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/m:pull' },
    ]);
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token", service="registry.docker.io", scope="repository:a/b:pull,push", error="insufficient_scope"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:a/b:pull,push',
        error: 'insufficient_scope',
      },
    ]);
  });

  it('reads Basic, unquoted and escaped values, and puts Bearer first when both are offered', () => {
    expect(parseChallenges('Basic realm="a \\"quoted\\" realm"')).toEqual([{ scheme: 'basic', realm: 'a "quoted" realm' }]);
    expect(parseChallenges('Basic realm=x, Bearer realm=https://t/token,service=s').map((c) => c.scheme)).toEqual(['bearer', 'basic']);
    expect(parseChallenges('Negotiate abc, Digest realm="r"')).toEqual([]);
    expect(parseChallenges(null)).toEqual([]);
  });
});

describe('tokenUrl', () => {
  it('asks for the challenge scope and the operation scope, each once', () => {
    const u = new URL(
      tokenUrl({ scheme: 'bearer', realm: 'https://t.example/token?x=1', service: 'reg', scope: 'repository:o/m:pull' }, [
        'repository:o/m:pull,push',
        'repository:o/m:pull',
      ]),
    );
    expect(u.searchParams.get('x')).toBe('1');
    expect(u.searchParams.get('service')).toBe('reg');
    expect(u.searchParams.getAll('scope')).toEqual(['repository:o/m:pull', 'repository:o/m:pull,push']);
  });
});

describe('basicHeader', () => {
  it('sends a password alone with a stand-in user name (GHCR takes the job token with any)', () => {
    expect(Buffer.from(basicHeader({ password: 'tok' }).slice(6), 'base64').toString()).toBe('mlci:tok');
    expect(Buffer.from(basicHeader({ username: 'u', password: 'p:q' }).slice(6), 'base64').toString()).toBe('u:p:q');
  });
});
