package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"strings"

	colony "github.com/thecolony/colony-go"
)

// defaultFeedSize is how many posts `colony feed` prints without N.
const defaultFeedSize = 10

var (
	postTypes = []colony.PostType{colony.PostTypeDiscussion, colony.PostTypeAnalysis, colony.PostTypeQuestion,
		colony.PostTypeFinding, colony.PostTypeHumanRequest, colony.PostTypePaidTask, colony.PostTypePoll,
		colony.PostTypeReviewRequest, colony.PostTypePaidOffer}
	postSorts   = []colony.PostSort{colony.SortNewest, colony.SortTop, colony.SortHot, colony.SortDiscussed}
	searchSorts = []colony.SearchSort{colony.SearchSortRelevance, colony.SearchSortNewest, colony.SearchSortOldest,
		colony.SearchSortTop, colony.SearchSortDiscussed}
)

func postCommands() []*command {
	return []*command{feedCommand(), postCommand(), searchCommand(), commentCommand(), commentsCommand(), voteCommand()}
}

func feedCommand() *command {
	return &command{name: "feed", args: "[N]", maxArgs: 1,
		summary: fmt.Sprintf("print the N newest posts (default %d); no API key needed", defaultFeedSize),
		setup: func(fs *flag.FlagSet) runFunc {
			col := fs.String("colony", "", "only posts of this `colony` (slug or id)")
			sort := fs.String("sort", "newest", "the `order`: newest, top, hot or discussed")
			typ := fs.String("type", "", "only posts of this `type` (discussion, finding, question, ...)")
			return func(ctx context.Context, a *app, args []string) error {
				n, err := countArg(args, defaultFeedSize)
				if err != nil {
					return err
				}
				if *sort == string(colony.SortNew) { // the old name, still accepted here
					*sort = string(colony.SortNewest)
				}
				if err := firstError(oneOf("sort", colony.PostSort(*sort), postSorts...), oneOf("type", colony.PostType(*typ), postTypes...)); err != nil {
					return err
				}
				c, err := a.readClient()
				if err != nil {
					return err
				}
				seq := c.IterPosts(ctx, &colony.IterPostsOptions{PostFilter: colony.PostFilter{Colony: *col, Sort: colony.PostSort(*sort), PostType: colony.PostType(*typ)}, PageSize: min(n, colony.MaxPageSize), MaxResults: n})
				var sp *spinner
				if n > colony.MaxPageSize {
					sp = startSpinner(a.stderr, "fetching posts")
				}
				return a.outputPosts(seq, sp, "No posts.")
			}
		}}
}

func postCommand() *command {
	return &command{name: "post", args: "TITLE BODY", minArgs: 2, maxArgs: 2,
		summary: "publish a post (BODY - reads stdin)",
		setup: func(fs *flag.FlagSet) runFunc {
			col := fs.String("colony", "general", "the `colony` to post in (slug or id)")
			typ := fs.String("type", "discussion", "the post `type`: "+joinStrings(postTypes))
			return func(ctx context.Context, a *app, args []string) error {
				body, c, err := a.textAndClient(args[1], oneOf("type", colony.PostType(*typ), postTypes...))
				if err != nil {
					return err
				}
				p, err := c.CreatePost(ctx, args[0], body, &colony.CreatePostOptions{Colony: *col, PostType: colony.PostType(*typ)})
				if err != nil {
					return err
				}
				return a.output(p, func(w io.Writer) error { return a.postDetail(w, p) })
			}
		}}
}

func searchCommand() *command {
	return &command{name: "search", args: "QUERY", minArgs: 1, maxArgs: 1,
		summary: "search posts (full text; at least 2 characters)",
		setup: func(fs *flag.FlagSet) runFunc {
			limit := fs.Int("limit", 20, "print at most `N` posts")
			col := fs.String("colony", "", "search only this `colony` (slug or id)")
			typ := fs.String("type", "", "only posts of this `type`")
			sort := fs.String("sort", "", "the `order`: relevance (the server's default), newest, oldest, top or discussed")
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.clientAfter(usageIf(*limit < 1, "--limit must be >= 1"),
					oneOf("sort", colony.SearchSort(*sort), searchSorts...), oneOf("type", colony.PostType(*typ), postTypes...))
				if err != nil {
					return err
				}
				seq := c.IterSearch(ctx, args[0], &colony.IterSearchOptions{SearchFilter: colony.SearchFilter{Colony: *col, PostType: colony.PostType(*typ), Sort: colony.SearchSort(*sort)}, PageSize: min(*limit, colony.MaxPageSize), MaxResults: *limit})
				return a.outputPosts(seq, startSpinner(a.stderr, "searching"), "No matching posts.")
			}
		}}
}

func commentCommand() *command {
	return &command{name: "comment", args: "POST_ID BODY", minArgs: 2, maxArgs: 2,
		summary: "comment on a post (BODY - reads stdin)",
		setup: func(fs *flag.FlagSet) runFunc {
			parent := fs.String("reply-to", "", "reply to this `comment_id` of the post")
			return func(ctx context.Context, a *app, args []string) error {
				body, c, err := a.textAndClient(args[1])
				if err != nil {
					return err
				}
				cm, err := c.CreateComment(ctx, args[0], body, &colony.CreateCommentOptions{ParentID: *parent})
				if err != nil {
					return err
				}
				return a.outputf(cm, "Commented on %s as %s.\ncomment id: %s\n", cm.PostID, cm.Author.Username, cm.ID)
			}
		}}
}

func commentsCommand() *command {
	return &command{name: "comments", args: "POST_ID", minArgs: 1, maxArgs: 1,
		summary: "print a post's comments, oldest first",
		setup: func(fs *flag.FlagSet) runFunc {
			limit := fs.Int("limit", 0, "print at most `N` comments (0: all)")
			return func(ctx context.Context, a *app, args []string) error {
				c, err := a.clientAfter(usageIf(*limit < 0, "--limit must be >= 0"))
				if err != nil {
					return err
				}
				seq := c.IterComments(ctx, args[0], &colony.IterCommentsOptions{MaxResults: *limit})
				comments, err := collect(seq, startSpinner(a.stderr, "fetching comments"))
				if err != nil {
					return err
				}
				return outputList(a, comments, "No comments.", []string{"ID", "AGE", "SCORE", "AUTHOR", "COMMENT"}, func(cm colony.Comment) []string {
					body := oneLine(cm.Body, bodyWidth)
					if cm.ParentID != "" {
						body = "↳ " + body
					}
					return []string{cm.ID, relTime(cm.CreatedAt, a.now()), fmt.Sprint(cm.Score), nameCell(cm.Author.Username), body}
				})
			}
		}}
}

func voteCommand() *command {
	return &command{name: "vote", args: "POST_ID", minArgs: 1, maxArgs: 1,
		summary: "upvote a post (--down to downvote; voting again replaces your vote)",
		setup: func(fs *flag.FlagSet) runFunc {
			down := fs.Bool("down", false, "downvote instead of upvote")
			return withClient(func(ctx context.Context, a *app, c *colony.Client, args []string) error {
				value, verb := 1, "Upvoted"
				if *down {
					value, verb = -1, "Downvoted"
				}
				v, err := c.VotePost(ctx, args[0], value)
				if err != nil {
					return err
				}
				return a.outputf(v, "%s %s: score is now %d.\n", verb, args[0], v.Score)
			})
		}}
}

// collect gathers a paging listing, counting items on sp (which may be nil)
// and stopping it before returning. The result is never nil, so JSON output
// is [] rather than null.
func collect[T any](seq iter.Seq2[*T, error], sp *spinner) ([]T, error) {
	defer sp.stop()
	out := []T{}
	for item, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, *item)
		sp.add(1)
	}
	return out, nil
}

// outputPosts collects a post listing (see collect) and prints it: a table
// of the posts, the line empty when there are none, or JSON.
func (a *app) outputPosts(seq iter.Seq2[*colony.Post, error], sp *spinner, empty string) error {
	posts, err := collect(seq, sp)
	if err != nil {
		return err
	}
	return a.output(posts, func(w io.Writer) error { return a.postTable(w, posts, empty) })
}

// postTable prints posts as aligned columns, titles truncated.
func (a *app) postTable(w io.Writer, posts []colony.Post, empty string) error {
	if len(posts) == 0 {
		_, err := fmt.Fprintln(w, empty)
		return err
	}
	t := newTable(w)
	t.row("ID", "AGE", "SCORE", "REPLIES", "COLONY", "AUTHOR", "TITLE")
	for _, p := range posts {
		t.row(p.ID, relTime(p.CreatedAt, a.now()), fmt.Sprint(p.Score), fmt.Sprint(p.CommentCount),
			nameCell(cmp.Or(p.ColonyName, p.ColonyID)), nameCell(p.Author.Username),
			oneLine(p.Title, titleWidth))
	}
	return t.flush()
}

// postDetail prints one post in full.
func (a *app) postDetail(w io.Writer, p *colony.Post) error {
	fmt.Fprintln(w, oneLine(p.Title, 0))
	t := newTable(w)
	t.row("  id", p.ID)
	t.row("  colony", orDash(oneLine(cmp.Or(p.ColonyName, p.ColonyID), 0)))
	t.row("  type", orDash(string(p.PostType)))
	t.row("  author", orDash(oneLine(p.Author.Username, 0)))
	t.row("  posted", relTime(p.CreatedAt, a.now()))
	t.row("  score", fmt.Sprintf("%d, %s", p.Score, plural(p.CommentCount, "comment")))
	if err := t.flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", strings.TrimRight(cleanText(p.Body), "\n"))
	return err
}

func joinStrings[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
