import { GraphQLFailure, execute, parse, pickOperation, type Document, type GraphQLError, type OperationDef, type Resolved } from './graphql.js';
import { mayWrite } from './routes.js';
import type { Comment, Token, World } from './state.js';

/**
 * The slice of GitHub's GraphQL API that mlci uses: `viewer`, `node(id:)` for comments, and
 * minimizing / unminimizing comments. Anything else is answered with GitHub's "doesn't exist"
 * error and recorded as a violation, since a test that reaches it is exercising an unmodelled API.
 */

const CLASSIFIERS = new Set(['SPAM', 'ABUSE', 'OFF_TOPIC', 'OUTDATED', 'DUPLICATE', 'RESOLVED']);

export function answerGraphQL(world: World, token: Token, raw: Buffer, violations: string[]): { status: number; body: unknown } {
  let request: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(raw.toString('utf8'));
  } catch {
    violations.push('graphql: request body is not JSON');
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } };
  }
  if (typeof request.query !== 'string') {
    violations.push('graphql: request without a query');
    return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } };
  }
  let doc: Document;
  let op: OperationDef;
  try {
    doc = parse(request.query);
    op = pickOperation(doc, typeof request.operationName === 'string' ? request.operationName : undefined);
  } catch (e) {
    if (!(e instanceof GraphQLFailure)) throw e;
    violations.push(`graphql: ${e.message}`);
    return { status: 200, body: { errors: [e.error] } };
  }

  const root = op.type === 'mutation' ? mutationRoot(world, token) : queryRoot(world, token);
  const result = execute(doc, op, root, (request.variables ?? {}) as Record<string, unknown>);
  for (const e of result.errors) {
    if (isSchemaError(e)) violations.push(`graphql: ${e.message}`);
  }
  const body: { data: unknown; errors?: GraphQLError[] } = { data: result.data };
  if (result.errors.length) body.errors = result.errors;
  return { status: 200, body };
}

function isSchemaError(e: GraphQLError): boolean {
  return !e.type || e.type === 'INVALID_ARGUMENT' || (e.extensions as { code?: string } | undefined)?.code === 'undefinedField';
}

function forbidden(): GraphQLFailure {
  return new GraphQLFailure({ type: 'FORBIDDEN', message: 'Resource not accessible by integration', extensions: { saml_failure: false } });
}

function queryRoot(world: World, token: Token): Resolved {
  const me = world.user(token.login, token.type);
  return {
    __typename: 'Query',
    viewer: {
      __typename: me.type,
      login: me.login,
      id: me.node_id,
      databaseId: me.id,
      name: me.type === 'Bot' ? null : me.login,
      url: `https://github.com/${me.type === 'Bot' ? `apps/${me.login.replace(/\[bot\]$/, '')}` : me.login}`,
    },
    node: ({ id }: { id: string }) => {
      const c = world.byNodeId.get(id);
      if (!c) throw notFound(id);
      return commentNode(world, c, token);
    },
  };
}

function mutationRoot(world: World, token: Token): Resolved {
  const minimize = (hide: boolean) => (args: { input?: { subjectId?: string; classifier?: string; clientMutationId?: string } }) => {
    if (!mayWrite(token, ['pull-requests', 'issues'])) throw forbidden();
    const input = args.input ?? {};
    if (hide && !CLASSIFIERS.has(String(input.classifier))) {
      throw new GraphQLFailure({
        type: 'INVALID_ARGUMENT',
        message: `Argument 'classifier' on InputObject 'MinimizeCommentInput' has an invalid value (${input.classifier}). Expected type 'ReportedContentClassifiers!'.`,
      });
    }
    const c = world.byNodeId.get(String(input.subjectId));
    if (!c) throw notFound(String(input.subjectId));
    c.isMinimized = hide;
    // GitHub reports the reason in lower case with hyphens, unlike the classifier it was given.
    c.minimizedReason = hide ? String(input.classifier).toLowerCase().replace(/_/g, '-') : null;
    return {
      __typename: hide ? 'MinimizeCommentPayload' : 'UnminimizeCommentPayload',
      clientMutationId: input.clientMutationId ?? null,
      [hide ? 'minimizedComment' : 'unminimizedComment']: commentNode(world, c, token),
    };
  };
  return { __typename: 'Mutation', minimizeComment: minimize(true), unminimizeComment: minimize(false) };
}

function commentNode(world: World, c: Comment, token: Token): Resolved {
  const author = world.user(c.user.login, c.user.type);
  return {
    __typename: c.kind === 'issue' ? 'IssueComment' : 'CommitComment',
    id: c.node_id,
    databaseId: c.id,
    body: c.body,
    isMinimized: c.isMinimized,
    minimizedReason: c.minimizedReason,
    viewerCanMinimize: mayWrite(token, ['pull-requests', 'issues']),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    author: { __typename: author.type, login: author.login },
  };
}

function notFound(id: string): GraphQLFailure {
  return new GraphQLFailure({ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${id}'` });
}
