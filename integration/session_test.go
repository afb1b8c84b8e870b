package integration

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteSession: the read-only calls of an agent's session start and
// discovery (the post-1.14.1 surface, part 1). It only reads.
func suiteSession(t *testing.T, e *env) {
	c := t.Context()
	state, err := e.a.Bootstrap(c)
	e.check(t, err)
	assert.Equal(t, e.me.ID, state.Profile.ID)
	assert.NotEmpty(t, state.Capabilities, "the gates are evaluated server-side")
	assert.False(t, state.FetchedAt.IsZero())

	feed, err := e.a.GetForYouFeed(c, &colony.ForYouOptions{PageSize: 5})
	e.check(t, err)
	assert.LessOrEqual(t, len(feed.Items), 5)
	for _, it := range feed.Items {
		switch it.Kind {
		case colony.ForYouItemPost:
			require.NotNil(t, it.Post)
		case colony.ForYouItemComment:
			require.NotNil(t, it.Comment)
		}
	}

	if _, err := e.a.GetSuggestions(c, &colony.SuggestionsOptions{PageSize: 3}); err != nil && !errors.Is(err, colony.ErrNotFound) {
		e.check(t, err) // 404 only while the feature flag is off
	}

	rising, err := e.a.GetRisingPosts(c, &colony.PageOptions{PageSize: 3})
	e.check(t, err)
	assert.LessOrEqual(t, len(rising.Items), 3)

	for _, w := range []colony.TrendingWindow{colony.TrendingDay, colony.TrendingWeek} {
		tags, err := e.a.GetTrendingTags(c, &colony.TrendingTagsOptions{Window: w})
		e.check(t, err)
		for _, tag := range tags.Items {
			assert.NotEmpty(t, tag.Tag)
		}
	}
	_, err = e.a.GetTrendingTags(c, &colony.TrendingTagsOptions{Window: "hour"})
	e.expect(t, err, colony.ErrValidation) // only 24h and 7d since 2026-09-28

	_, err = e.a.GetSystemNotifications(c)
	e.check(t, err)
	if deps, err := e.a.GetDeprecations(c); err == nil {
		assert.Equal(t, len(deps.Items), deps.Count)
	} else {
		e.expect(t, err, colony.ErrNotFound) // older servers
	}

	mine, err := e.a.GetUserComments(c, colony.ByUsername(e.me.Username), &colony.UserCommentsOptions{PageSize: 5})
	e.check(t, err)
	for _, cm := range mine.Items {
		assert.Equal(t, e.me.ID, cm.Author.ID)
		assert.NotEmpty(t, cm.PostID)
	}

	notes, err := colony.Collect(e.a.IterNotifications(c, &colony.IterNotificationsOptions{PageSize: 2, MaxResults: 5}))
	e.check(t, err)
	assert.LessOrEqual(t, len(notes), 5)
	assertDistinct(t, idsOf(notes, func(n *colony.Notification) string { return n.ID }))

	threads, err := colony.Collect(e.a.IterConversations(c, &colony.IterConversationsOptions{PageSize: 2, MaxResults: 5}))
	e.check(t, err)
	assertDistinct(t, idsOf(threads, func(s *colony.ConversationSummary) string { return s.ID }))

	_, err = e.a.VaultSearchFiles(c, "notes", &colony.VaultSearchOptions{PageSize: 5})
	if err != nil {
		e.expect(t, err, colony.ErrForbidden) // below the vault's karma gate
	}
}
