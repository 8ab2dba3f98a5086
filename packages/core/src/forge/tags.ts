import type { Api, Repo } from './api.js';

/** A tag as the registry reads it (model/registry.ts RegistryTag, restated: forge imports no model). */
export interface ForgeTag {
  tag: string;
  commit: string;
  time: number;
  annotated: boolean;
  message?: string;
  tagger?: string;
}

/**
 * The repository's tags through the API, for a checkout that lacks them (a shallow clone):
 * `git/matching-refs/tags/` lists them, each annotated tag object is read for its commit, tagger
 * date and message. Only names `keep` accepts are read further (one request per annotated tag).
 */
export async function tagsViaApi(api: Api, repo: Repo, keep: (tag: string) => boolean = () => true): Promise<ForgeTag[]> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { ...repo, ref: 'tags/' });
  const out: ForgeTag[] = [];
  for (const ref of data as Array<{ ref: string; object: { sha: string; type: string } }>) {
    const tag = ref.ref.replace(/^refs\/tags\//, '');
    if (!keep(tag)) continue;
    if (ref.object.type !== 'tag') {
      out.push({ tag, commit: ref.object.sha, time: 0, annotated: false });
      continue;
    }
    const { data: t } = await api.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', { ...repo, tag_sha: ref.object.sha });
    out.push({
      tag,
      commit: t.object.sha,
      time: Date.parse(t.tagger?.date ?? '') || 0,
      annotated: true,
      message: String(t.message ?? '').trim() || undefined,
      tagger: t.tagger?.name,
    });
  }
  return out;
}
