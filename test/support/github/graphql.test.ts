import { describe, expect, it } from 'vitest';
import { GraphQLFailure, execute, parse, pickOperation, type Resolved } from './graphql.js';

const root: Resolved = {
  __typename: 'Query',
  viewer: { __typename: 'Bot', login: 'github-actions[bot]', id: 'BOT_1' },
  node: ({ id }: { id: string }) => ({ __typename: 'IssueComment', id, isMinimized: false, author: { __typename: 'Bot', login: 'x' } }),
  echo: (args: Record<string, unknown>) => JSON.stringify(args),
};

function run(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const doc = parse(query);
  return execute(doc, pickOperation(doc, operationName), root, variables);
}

describe('graphql', () => {
  it('runs shorthand and named queries with aliases and __typename', () => {
    expect(run('{ viewer { login } }').data).toEqual({ viewer: { login: 'github-actions[bot]' } });
    expect(run('query Who { me: viewer { __typename name: login } }').data).toEqual({ me: { __typename: 'Bot', name: 'github-actions[bot]' } });
  });

  it('passes variables, defaults, enums, lists, objects and escaped strings as arguments', () => {
    const r = run('query($id: ID!, $n: Int = 3) { echo(input: { subjectId: $id, classifier: OUTDATED, n: $n, tags: ["a\\"b", 1.5, null, true] }) }', {
      id: 'IC_1',
    });
    expect(JSON.parse(r.data!.echo as string)).toEqual({ input: { subjectId: 'IC_1', classifier: 'OUTDATED', n: 3, tags: ['a"b', 1.5, null, true] } });
  });

  it('applies fragments and inline fragments by type', () => {
    const q = `query { node(id: "IC_9") { ...C ... on PullRequest { title } } }
      fragment C on IssueComment { id isMinimized author { login } }`;
    expect(run(q).data).toEqual({ node: { id: 'IC_9', isMinimized: false, author: { login: 'x' } } });
  });

  it('picks the named operation of several, and asks for a name otherwise', () => {
    const q = 'query A { viewer { login } } query B { viewer { id } }';
    expect(run(q, {}, 'B').data).toEqual({ viewer: { id: 'BOT_1' } });
    expect(() => run(q)).toThrow(GraphQLFailure);
  });

  it('reports unknown fields as errors with a path, keeping the other root fields', () => {
    const r = run('{ viewer { login } repository(owner: "a", name: "b") { id } }');
    expect(r.data).toEqual({ viewer: { login: 'github-actions[bot]' }, repository: null });
    expect(r.errors).toMatchObject([
      { path: ['repository'], message: "Field 'repository' doesn't exist on type 'Query'", locations: [{ line: 1, column: 20 }] },
    ]);
  });

  it('refuses a missing required variable and syntax errors with a location', () => {
    expect(run('query($id: ID!) { node(id: $id) { id } }').errors[0].message).toContain('$id');
    expect(() => parse('{ viewer { login }')).toThrow(/Parse error: .* at \[1, 19\]/);
    expect(() => parse('{ viewer(x: ) { login } }')).toThrow(/Parse error/);
  });
});
