import { describe, expect, it } from 'vitest';
import { checkRequest, checkResponse, operation, rewrite } from './openapi.js';

describe("GitHub's OpenAPI description as validators", () => {
  const updateComment = operation('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')!;
  const getCheckRun = operation('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}')!;

  it('finds operations by method and template, with their multi-segment parameters', () => {
    expect(updateComment.operationId).toBe('issues/update-comment');
    const getRef = operation('GET', '/repos/{owner}/{repo}/git/ref/{ref}')!;
    expect(getRef.parameters.find((p) => p.name === 'ref')?.multiSegment).toBe(true);
    expect(operation('GET', '/repos/{owner}/{repo}/nothing')).toBeUndefined();
  });

  it('reads path and query values as GitHub does before applying their schemas', () => {
    const ok = { pathParams: { owner: 'o', repo: 'r', comment_id: '12' }, query: {}, body: { body: 'x' } };
    expect(checkRequest(updateComment, ok)).toEqual([]);
    expect(checkRequest(updateComment, { ...ok, pathParams: { ...ok.pathParams, comment_id: '1x' } })[0]).toMatch(/comment_id must be integer/);
    expect(checkRequest(updateComment, { ...ok, body: {} })[0]).toMatch(/required property 'body'/);
    expect(checkRequest(updateComment, { ...ok, query: { since: 'x' } })[0]).toMatch(/"since" is not a parameter/);
  });

  it('rewrites the OpenAPI 3.0 dialect for ajv: nullable beside allOf and $ref, typed nullables, oneOf', () => {
    expect(rewrite({ nullable: true, description: 'd', allOf: [{ $ref: '#/components/schemas/simple-user' }] })).toEqual({
      description: 'd',
      anyOf: [{ allOf: [{ $ref: 'github#/components/schemas/simple-user' }] }, { type: 'null' }],
    });
    expect(rewrite({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(rewrite({ oneOf: [{ type: 'string' }], discriminator: { propertyName: 'type' } })).toEqual({ anyOf: [{ type: 'string' }] });
  });

  it('accepts null where the description says nullable, including beside $ref and allOf', () => {
    // check_suite is `nullable` next to an object; app is a `$ref` to nullable-integration.
    const run = {
      id: 1,
      node_id: 'CR_1',
      head_sha: 'a',
      name: 'n',
      url: 'https://x/1',
      html_url: null,
      details_url: null,
      status: 'queued',
      conclusion: null,
      started_at: null,
      completed_at: null,
      external_id: null,
      check_suite: null,
      app: null,
      pull_requests: [],
      output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: 'https://x/a' },
    };
    expect(checkResponse(getCheckRun, 200, run, true)).toEqual([]);
    expect(checkResponse(getCheckRun, 200, { ...run, name: null }, true)[0]).toMatch(/name must be string/);
  });

  it('flags an undocumented success status, but not error answers GitHub gives everywhere', () => {
    expect(checkResponse(updateComment, 201, {}, true)).toEqual(['status 201 is not a documented answer of issues/update-comment']);
    expect(checkResponse(updateComment, 404, { message: 'Not Found' }, false)).toEqual([]);
  });
});
