package integration

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suitePosts: a post in test-posts is created, read back, edited, commented
// on (a comment, a reply, an edit, a delete) and deleted; it is gone after.
// Live cost: 1 post, 2 comments.
func suitePosts(t *testing.T, e *env) {
	c := t.Context()
	title, body := e.name("post"), "Created by the colony-go integration suite and deleted seconds later."
	p, err := e.a.CreatePost(c, title, body, &colony.CreatePostOptions{Colony: testColony, PostType: colony.PostTypeDiscussion})
	e.check(t, err)
	deletePost := e.undo(t, "delete the post", func(ctx context.Context) error { return drop(e.a.DeletePost(ctx, p.ID)) })
	require.NotEmpty(t, p.ID)
	assert.Equal(t, title, p.Title)
	assert.Equal(t, body, p.Body)
	assert.Equal(t, colony.PostTypeDiscussion, p.PostType)
	assert.Equal(t, colony.KnownColonies()[testColony], p.ColonyID, "written to test-posts")
	assert.Equal(t, e.me.ID, p.Author.ID)

	got, err := e.a.GetPost(c, p.ID)
	e.check(t, err)
	assert.Equal(t, [3]string{p.ID, title, body}, [3]string{got.ID, got.Title, got.Body})

	newTitle, newBody := title+" (edited)", body+" Edited once."
	edited, err := e.a.UpdatePost(c, p.ID, &colony.UpdatePostOptions{Title: &newTitle, Body: &newBody})
	e.check(t, err)
	assert.Equal(t, [2]string{newTitle, newBody}, [2]string{edited.Title, edited.Body})
	got, err = e.a.GetPost(c, p.ID)
	e.check(t, err)
	assert.Equal(t, [2]string{newTitle, newBody}, [2]string{got.Title, got.Body}, "the edit is stored")
	if e.b != nil {
		_, err = e.b.UpdatePost(c, p.ID, &colony.UpdatePostOptions{Title: colony.Ptr("Not yours")})
		e.refused(t, err)
	}

	// Comments: a top-level one (by agent B when configured) and A's reply.
	commenter := e.a
	if e.b != nil {
		commenter = e.b
	}
	top, err := commenter.CreateComment(c, p.ID, "A top-level comment, "+e.runID+".", nil)
	e.check(t, err)
	e.undo(t, "delete the top-level comment", func(ctx context.Context) error { return drop(commenter.DeleteComment(ctx, top.ID)) })
	assert.Equal(t, p.ID, top.PostID)
	assert.Empty(t, top.ParentID)
	reply, err := e.a.CreateComment(c, p.ID, "A reply, "+e.runID+".", &colony.CreateCommentOptions{ParentID: top.ID})
	e.check(t, err)
	deleteReply := e.undo(t, "delete the reply", func(ctx context.Context) error { return drop(e.a.DeleteComment(ctx, reply.ID)) })
	assert.Equal(t, top.ID, reply.ParentID)
	replyBody := "An edited reply, " + e.runID + "."
	editedReply, err := e.a.UpdateComment(c, reply.ID, replyBody)
	e.check(t, err)
	assert.Equal(t, replyBody, editedReply.Body)

	page, err := e.a.GetComments(c, p.ID, &colony.GetCommentsOptions{Page: 1})
	e.check(t, err)
	assert.ElementsMatch(t, []string{top.ID, reply.ID}, ids(page.Items, commentID))
	got, err = e.a.GetPost(c, p.ID)
	e.check(t, err)
	assert.Equal(t, 2, got.CommentCount)

	pc, err := e.a.GetPostContext(c, p.ID)
	e.check(t, err)
	require.NotNil(t, pc.Post)
	assert.Equal(t, p.ID, pc.Post.ID)
	assert.Contains(t, ids(pc.Comments, commentID), top.ID)

	conv, err := e.a.GetPostConversation(c, p.ID)
	e.check(t, err)
	assert.Equal(t, len(conv.Threads), conv.ThreadCount)
	i := slices.IndexFunc(conv.Threads, func(x colony.Comment) bool { return x.ID == top.ID })
	require.GreaterOrEqual(t, i, 0, "the top-level comment is a thread")
	assert.Equal(t, []string{reply.ID}, ids(conv.Threads[i].Replies, commentID), "the reply nests under it")

	e.check(t, deleteReply())
	all, err := e.a.GetAllComments(c, p.ID)
	e.check(t, err)
	require.Contains(t, idsOf(all, commentID), top.ID)
	for _, cm := range all {
		if cm.ID == reply.ID {
			assert.NotEqual(t, replyBody, cm.Body, "a deleted comment is gone, or a tombstone")
		}
	}

	// A batch read skips ids the server does not know.
	batch, err := e.a.GetPostsByIDs(c, []string{missingID(), p.ID})
	e.check(t, err)
	require.Len(t, batch, 1)
	assert.Equal(t, p.ID, batch[0].ID)

	e.check(t, deletePost())
	_, err = e.a.GetPost(c, p.ID)
	e.expect(t, err, colony.ErrNotFound)
	_, err = e.a.GetPost(c, missingID())
	e.expect(t, err, colony.ErrNotFound)
}

// suitePagination: the posts feed pages by offset and the comments of a
// long thread by page number, with no item twice. It only reads.
func suitePagination(t *testing.T, e *env) {
	t.Run("posts", func(t *testing.T) {
		var requests atomic.Int32
		c := e.newClient(t, e.cfg.keyA, colony.WithRequestHook(func(ri colony.RequestInfo) {
			if ri.Route == "/posts" {
				requests.Add(1)
			}
		}))
		var got []string
		for p, err := range c.IterPosts(t.Context(), &colony.IterPostsOptions{PageSize: 5, MaxResults: 12}) {
			e.check(t, err)
			got = append(got, p.ID)
		}
		require.Len(t, got, 12)
		assertDistinct(t, got)
		assert.EqualValues(t, 3, requests.Load(), "12 posts in pages of 5: three requests, the last cut short")
	})

	t.Run("comments", func(t *testing.T) {
		c := t.Context()
		feed, err := e.a.GetPosts(c, &colony.GetPostsOptions{PostFilter: colony.PostFilter{Sort: colony.SortDiscussed}, PageSize: 20})
		e.check(t, err)
		// Some margin over one page: comment_count may count deleted ones.
		i := slices.IndexFunc(feed.Items, func(p colony.Post) bool { return p.CommentCount > colony.CommentsPageSize+5 })
		if i < 0 {
			require.True(t, e.live, "the seeded world has a post with 30 comments")
			t.Skip("live: none of the 20 most discussed posts has more than 25 comments")
		}
		long := feed.Items[i]
		first, err := e.a.GetComments(c, long.ID, &colony.GetCommentsOptions{Page: 1})
		e.check(t, err)
		require.Len(t, first.Items, colony.CommentsPageSize, "a full first page")
		all, err := e.a.GetAllComments(c, long.ID)
		e.check(t, err)
		require.Greater(t, len(all), colony.CommentsPageSize, "the walk crosses a page boundary")
		for _, cm := range all {
			assert.Equal(t, long.ID, cm.PostID)
		}
		got := idsOf(all, commentID)
		assertDistinct(t, got)
		assert.Equal(t, ids(first.Items, commentID), got[:colony.CommentsPageSize], "the walk starts with page 1")

		some, err := colony.Collect(e.a.IterComments(c, long.ID, &colony.IterCommentsOptions{MaxResults: colony.CommentsPageSize + 1}))
		e.check(t, err)
		assert.Len(t, some, colony.CommentsPageSize+1)
	})
}
