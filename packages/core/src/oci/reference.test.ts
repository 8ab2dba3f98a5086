import { describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { parseOciDestination, tagFor } from './reference.js';

describe('parseOciDestination', () => {
  it('reads host and repository; HTTPS for a registry on the network', () => {
    expect(parseOciDestination('oci:ghcr.io/owner/churn-model')).toEqual({ registry: 'ghcr.io', repository: 'owner/churn-model', plainHttp: false });
    expect(parseOciDestination(' oci:registry.example.com:5443/a/b/c ')).toEqual({
      registry: 'registry.example.com:5443',
      repository: 'a/b/c',
      plainHttp: false,
    });
    expect(parseOciDestination('oci://docker.io/library/model')).toMatchObject({ registry: 'docker.io', repository: 'library/model' });
  });

  it('speaks plain HTTP to loopback hosts, as Docker and ORAS do', () => {
    for (const host of ['localhost', 'localhost:5000', '127.0.0.1:5000', '127.1.2.3', '[::1]:5000', '[::1]']) {
      expect(parseOciDestination(`oci:${host}/m`), host).toMatchObject({ registry: host, repository: 'm', plainHttp: true });
    }
    for (const host of ['128.0.0.1:5000', 'localhost.example.com', '[::2]:5000', 'my-localhost:5000']) {
      expect(parseOciDestination(`oci:${host}/m`).plainHttp, host).toBe(false);
    }
  });

  it.each([
    ['ghcr.io/o/m', /written `oci:<host>\/<repository>`/],
    ['oci:ghcr.io', /name the registry host and the repository/],
    ['oci:owner/model', /`owner` is not a registry host/],
    ['oci:ghcr.io/', /name the repository/],
    ['oci:ghcr.io/Owner/Model', /lowercase.*`owner\/model`/],
    ['oci:ghcr.io/o/m:v1', /leave the tag .* out/],
    ['oci:ghcr.io/o/m@sha256:abc', /not a digest/],
    ['oci:ghcr.io/o//m', /is not a repository name/],
    ['oci:ghcr.io/o/-m', /is not a repository name/],
    ['oci:ghcr.io:99999/o/m', /is not a registry host/],
    ['oci:gh cr.io/o/m', /space/],
    ['oci:bad_host!/o/m', /is not a registry host/],
  ])('refuses %s with a UserError naming destinations', (spec, why) => {
    let err: unknown;
    try {
      parseOciDestination(spec);
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as { input?: string }).input).toBe('destinations');
    expect((err as Error).message).toMatch(why);
  });
});

describe('tagFor', () => {
  it('is the version, with SemVer build metadata made tag-safe as Helm does', () => {
    expect(tagFor('v1.2.3')).toBe('v1.2.3');
    expect(tagFor('v1.2.3-rc.1+build.7')).toBe('v1.2.3-rc.1_build.7');
    expect(() => tagFor('v1/2')).toThrow(/cannot be an OCI tag/);
    expect(() => tagFor('.v1')).toThrow(/cannot be an OCI tag/);
  });
});
