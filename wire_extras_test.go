package colony_test

import (
	"context"
	"encoding/hex"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/attestation"
)

// Wire adapters for echoes, the wiki, puzzles, boosts and tips,
// notarisation and attestation (contract §5.20-§5.24, §6.1). All but
// attest_post are derived cases (later source, not executed).
func init() {
	registerWire("create_echo", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateEcho(ctx, a.str("post_id"), a.str("commentary"), idemOpts(a)...))
	})
	registerWire("get_echoes", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetEchoes(ctx, &colony.PageOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerWire("iter_echoes", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterEchoes(ctx, &colony.IterOptions{PageSize: a.int("page_size", 0), MaxResults: a.int("max_results", 0)})))
	})
	registerMethod("delete_echo", (*colony.Client).DeleteEcho, "echo_id")

	wikiFilter := func(a wireArgs) colony.WikiFilter {
		return colony.WikiFilter{Category: a.str("category"), Query: a.str("query"), Colony: a.str("colony")}
	}
	registerWire("get_wiki_pages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetWikiPages(ctx, &colony.GetWikiPagesOptions{WikiFilter: wikiFilter(a), PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})
	registerWire("iter_wiki_pages", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(colony.Collect(env.client.IterWikiPages(ctx, &colony.IterWikiPagesOptions{WikiFilter: wikiFilter(a), PageSize: a.int("page_size", 0), MaxResults: a.int("max_results", 0)})))
	})
	registerWire("get_wiki_page", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetWikiPage(ctx, a.str("slug"), &colony.WikiOptions{Colony: a.str("colony")}))
	})
	registerWire("create_wiki_page", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: a.str("slug"), Title: a.str("title"), Content: a.str("content"),
			Category: a.str("category"), Summary: a.str("summary"), Colony: a.str("colony")}))
	})
	registerWire("update_wiki_page", func(ctx context.Context, env wireEnv, a wireArgs) error {
		upd := colony.WikiPageUpdate{Title: a.strPtr("title"), Content: a.strPtr("content"), Category: a.strPtr("category"),
			Summary: a.strPtr("summary"), Colony: a.str("colony")}
		if a.has("base_revision") {
			n := a.int("base_revision", 0)
			upd.BaseRevision = &n
		}
		_, err := env.client.UpdateWikiPage(ctx, a.str("slug"), upd)
		if upd.BaseRevision != nil && *upd.BaseRevision < 1 {
			return expectInvalidParams(err) // refused locally, see wirePatched below
		}
		return err
	})
	// Python sends base_revision=0, which the server can only answer 409
	// (revisions count from 1): this SDK refuses it before sending, as the
	// contract (§5.21) and the Go peer do.
	wirePatched["update_wiki_page"] = func(a wireArgs, reqs []wireRequest) ([]wireRequest, string) {
		if a.has("base_revision") && a.int("base_revision", 1) < 1 {
			return nil, "base_revision < 1 is refused locally (ErrInvalidParams), not sent to earn a 409"
		}
		return reqs, ""
	}
	registerWire("delete_wiki_page", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return env.client.DeleteWikiPage(ctx, a.str("slug"), &colony.WikiOptions{Colony: a.str("colony")})
	})
	registerWire("get_wiki_history", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetWikiHistory(ctx, a.str("slug"), &colony.WikiHistoryOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0), Colony: a.str("colony")}))
	})
	registerWire("get_wiki_revision", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetWikiRevision(ctx, a.str("slug"), a.str("revision_id"), &colony.WikiOptions{Colony: a.str("colony")}))
	})

	registerMethod("get_puzzles", (*colony.Client).GetPuzzles)
	registerMethod("get_puzzle", (*colony.Client).GetPuzzle, "puzzle_id")
	registerWire("create_puzzle", func(ctx context.Context, env wireEnv, a wireArgs) error {
		d := a.int("difficulty", 0)
		if _, isBool := a["difficulty"].(bool); isBool {
			// Python refuses difficulty=True as a bool posing as an int;
			// Go's int field cannot carry a bool, so the case replays the
			// nearest Go mistake, a difficulty out of range.
			d = -1
		}
		return drop(env.client.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: a.str("slug"), Title: a.str("title"), Description: a.str("description"),
			PuzzleType: colony.PuzzleType(a.str("puzzle_type")), Content: a.str("content"), Answer: a.str("answer"), Difficulty: d, Colony: a.str("colony")},
			idemOpts(a)...))
	})
	registerMethod("start_puzzle", (*colony.Client).StartPuzzle, "puzzle_id")
	registerMethod("solve_puzzle", (*colony.Client).SolvePuzzle, "puzzle_id", "answer")

	registerWire("boost_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.BoostPost(ctx, a.str("post_id"), colony.BoostTier(a.str("tier"))))
	})
	registerMethod("get_boost_status", (*colony.Client).GetBoostStatus, "post_id", "boost_id")
	registerWire("tip_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.TipPost(ctx, a.str("post_id"), a.int("amount_sats", 0), idemOpts(a)...))
	})
	registerWire("tip_comment", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.TipComment(ctx, a.str("comment_id"), a.int("amount_sats", 0), idemOpts(a)...))
	})
	registerWire("list_tips", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.ListTips(ctx, &colony.ListTipsOptions{PostID: a.str("post_id"), CommentID: a.str("comment_id"),
			Recipient: a.str("recipient"), Tipper: a.str("tipper"), PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})

	registerMethod("notarise_post", (*colony.Client).NotarisePost, "post_id")
	registerMethod("notarise_comment", (*colony.Client).NotariseComment, "comment_id")
	registerMethod("get_post_notarisation", (*colony.Client).GetPostNotarisation, "post_id")
	registerMethod("get_comment_notarisation", (*colony.Client).GetCommentNotarisation, "comment_id")
	registerWire("get_user_notarisations", func(ctx context.Context, env wireEnv, a wireArgs) error {
		return drop(env.client.GetUserNotarisations(ctx, a.userRef(),
			&colony.PageOptions{PageSize: a.int("limit", 0), Offset: a.int("offset", 0)}))
	})

	registerWire("attest_post", func(ctx context.Context, env wireEnv, a wireArgs) error {
		seed, err := hex.DecodeString(a.obj("signer")["ed25519_seed_hex"].(string))
		if err != nil {
			return err
		}
		signer, err := attestation.SignerFromSeed(seed)
		if err != nil {
			return err
		}
		return drop(env.client.AttestPost(ctx, a.str("post_id"), signer, nil))
	})
}
