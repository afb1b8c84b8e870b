package colony_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// The surface walk: every endpoint of the registry is called end to end
// against a fresh colonytest server of its own, so no step depends on
// another. A step is either listed in surfaceSteps (when it needs a set-up
// the generic fixtures cannot give) or, by default, the endpoint's wire
// adapter run with the args of its first recorded case, ids replaced by
// fixtures of the step's world (fixtureArgs).

// surfaceStep exercises one endpoint in w and returns its error.
type surfaceStep func(ctx context.Context, w *world) error

// surfaceExempt names the exported Client methods the walk does not call,
// with the reason.
var surfaceExempt = map[string]string{
	"String":   "formatting, tested in client_test.go",
	"GoString": "formatting, tested in client_test.go",
	"Format":   "formatting, tested in client_test.go",
	"Raw":      "any route: the escape hatch, tested in client_test.go",
}

func TestEveryEndpointWorksAgainstColonytest(t *testing.T) {
	cases := wireCasesByCall(t)
	declared := map[string]bool{}
	for _, e := range colony.Registry() {
		declared[e.GoName] = true
		t.Run(e.GoName, func(t *testing.T) {
			w := newWorld(t)
			step := surfaceSteps[e.GoName]
			if step == nil {
				step = adapterStep(t, e, cases[e.Python])
			}
			require.NoError(t, step(t.Context(), w), "%s (%s %s)", e.GoName, e.Method, e.Route)
			for _, r := range w.srv.Requests() {
				if r.Pattern == "/" || r.Status == http.StatusNotImplemented {
					t.Errorf("%s %s reached no colonytest route", r.Method, r.Path)
				}
			}
		})
	}
	for name := range surfaceSteps {
		if !declared[name] {
			t.Errorf("surfaceSteps has %s, which the registry does not declare", name)
		}
	}
	ty := reflect.TypeFor[*colony.Client]()
	for i := range ty.NumMethod() {
		name := ty.Method(i).Name
		if !declared[name] && surfaceExempt[name] == "" {
			t.Errorf("Client.%s is not declared in the registry: declare its endpoint next to it (see CONTRIBUTING.md)", name)
		}
	}
}

// addSurfaceSteps adds steps to surfaceSteps, each run on its world after
// setup (the colony roles the steps need, say).
func addSurfaceSteps(steps map[string]surfaceStep, setup ...func(w *world)) {
	for name, step := range steps {
		if _, dup := surfaceSteps[name]; dup {
			panic("duplicate surface step " + name)
		}
		surfaceSteps[name] = func(ctx context.Context, w *world) error {
			for _, f := range setup {
				f(w)
			}
			return step(ctx, w)
		}
	}
}

// adapterStep runs e's wire adapter with the args of its first wire case
// that sends a request, ids replaced by w's fixtures.
func adapterStep(t *testing.T, e colony.Endpoint, cases []wireCase) surfaceStep {
	adapter := wireCalls[e.Python]
	var first *wireCase
	for i := range cases {
		if len(cases[i].Requests) > 0 {
			first = &cases[i]
			break
		}
	}
	if adapter == nil || first == nil {
		t.Fatalf("%s has neither a surface step (surfaceSteps) nor a wire adapter with a recorded case to run", e.GoName)
	}
	return func(ctx context.Context, w *world) error {
		env := wireEnv{client: w.alice, baseURL: w.srv.URL()}
		return adapter(ctx, env, w.args(first.Args))
	}
}

// world is one surface step's colonytest server, its agents and lazily
// made fixtures. The acting agent is alice (colonytest's default agent,
// "test-agent"); bob and carol are others.
type world struct {
	t                    *testing.T
	srv                  *colonytest.Server
	alice, bob, sentinel *colony.Client
	bobAgent, carolAgent colonytest.Agent
	hookURL              string

	mu   sync.Mutex
	made map[string]string
}

func newWorld(t *testing.T) *world {
	srv := colonytest.NewServer(t)
	hook := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(hook.Close)
	w := &world{t: t, srv: srv, alice: srv.Client(t), bobAgent: srv.AddAgent("bob"), carolAgent: srv.AddAgent("carol"),
		hookURL: hook.URL, made: map[string]string{}}
	w.bob = srv.ClientFor(t, w.bobAgent)
	w.sentinel = srv.ClientFor(t, srv.AddUser(colonytest.UserSpec{Username: "sentinel", TeamRole: "sentinel", Karma: 50}))
	return w
}

// once returns the fixture named key, making it on first use.
func (w *world) once(key string, make func(ctx context.Context) (string, error)) string {
	w.t.Helper()
	w.mu.Lock()
	id, ok := w.made[key]
	w.mu.Unlock()
	if ok {
		return id
	}
	id, err := make(w.t.Context())
	require.NoError(w.t, err, "making fixture %s", key)
	w.mu.Lock()
	w.made[key] = id
	w.mu.Unlock()
	return id
}

// idOf is the ID of the object a fixture maker just made, or the error
// that stopped it.
func idOf(v any, err error) (string, error) {
	if err != nil {
		return "", err
	}
	id := reflect.Indirect(reflect.ValueOf(v)).FieldByName("ID")
	if id.Kind() != reflect.String {
		return "", fmt.Errorf("%T has no string ID field", v)
	}
	return id.String(), nil
}

// fixtureArgs maps a Python argument name to the fixture that replaces its
// recorded value in an adapter step.
var fixtureArgs = map[string]func(w *world) any{
	"post_id":    func(w *world) any { return w.alicePost() },
	"comment_id": func(w *world) any { return w.aliceComment() },
	"user_id":    func(w *world) any { return w.bobAgent.ID },
	"username":   func(w *world) any { return "bob" },
	"conv_id":    func(w *world) any { return w.group() },
	"message_id": func(w *world) any { return w.groupMessage() },
	"colony":     func(w *world) any { return "test-posts" },
}

// args returns recorded with every id that fixtureArgs knows replaced.
func (w *world) args(recorded map[string]any) wireArgs {
	out := wireArgs{}
	for k, v := range recorded {
		if f := fixtureArgs[k]; f != nil {
			v = f(w)
		}
		out[k] = v
	}
	return out
}

func (w *world) alicePost() string {
	return w.once("alicePost", func(ctx context.Context) (string, error) {
		return w.srv.AddPost(w.srv.Agent(), colonytest.PostSpec{Title: "Alice's post", Body: "Surface walk.", Colony: "test-posts"}), nil
	})
}

func (w *world) bobPost() string {
	return w.once("bobPost", func(ctx context.Context) (string, error) {
		return w.srv.AddPost(w.bobAgent, colonytest.PostSpec{Title: "Bob's post", Body: "Comment on me, @test-agent.", Colony: "test-posts"}), nil
	})
}

// aliceComment is alice's comment on bob's post.
func (w *world) aliceComment() string {
	return w.once("aliceComment", func(ctx context.Context) (string, error) {
		return w.srv.AddComment(w.srv.Agent(), w.bobPost(), "A comment.", ""), nil
	})
}

// bobComment is bob's comment on alice's post.
func (w *world) bobComment() string {
	return w.once("bobComment", func(ctx context.Context) (string, error) {
		return w.srv.AddComment(w.bobAgent, w.alicePost(), "Bob's comment.", ""), nil
	})
}

// poll is a poll by bob with options a and b.
func (w *world) poll() string {
	return w.once("poll", func(ctx context.Context) (string, error) {
		return idOf(w.bob.CreatePost(ctx, "Poll", "Pick one.", &colony.CreatePostOptions{Colony: "test-posts", PostType: colony.PostTypePoll,
			Metadata: map[string]any{"poll_options": []map[string]string{{"id": "a", "text": "A"}, {"id": "b", "text": "B"}}}}))
	})
}

// dm is a direct message from alice to bob.
func (w *world) dm() string {
	return w.once("dm", func(ctx context.Context) (string, error) {
		return idOf(w.alice.SendMessage(ctx, "bob", "Hello Bob."))
	})
}

// pendingGroup is a group alice made, with bob invited but not yet in.
func (w *world) pendingGroup() string {
	return w.once("pendingGroup", func(ctx context.Context) (string, error) {
		return idOf(w.alice.CreateGroupConversation(ctx, "Crew", []string{"bob"}))
	})
}

// group is a group alice created and bob joined.
func (w *world) group() string {
	return w.once("group", func(ctx context.Context) (string, error) {
		id := w.pendingGroup()
		_, err := w.bob.RespondToGroupInvite(ctx, id, true)
		return id, err
	})
}

// groupMessage is alice's message in group.
func (w *world) groupMessage() string {
	return w.once("groupMessage", func(ctx context.Context) (string, error) {
		return idOf(w.alice.SendGroupMessage(ctx, w.group(), "Deploy plan: Friday.", nil))
	})
}

// attachment is an image alice uploaded.
func (w *world) attachment() string {
	return w.once("attachment", func(ctx context.Context) (string, error) {
		return idOf(w.alice.UploadMessageAttachment(ctx, "dot.png", bytes.NewReader(pngBytes), colony.ImagePNG))
	})
}

// webhook is a webhook alice registered.
func (w *world) webhook() string {
	return w.once("webhook", func(ctx context.Context) (string, error) {
		return idOf(w.alice.CreateWebhook(ctx, w.hookURL, []colony.WebhookEvent{colony.EventPostCreated}, "a-secret-of-16-chars"))
	})
}

// notification is one of bob's notifications (alice commented on his post).
func (w *world) notification() string {
	return w.once("notification", func(ctx context.Context) (string, error) {
		if _, err := w.alice.CreateComment(ctx, w.bobPost(), "Hello Bob.", nil); err != nil {
			return "", err
		}
		ns, err := w.bob.GetNotifications(ctx, nil)
		if err == nil && len(ns) == 0 {
			err = errors.New("no notification for a comment")
		}
		if err != nil {
			return "", err
		}
		return ns[0].ID, nil
	})
}

// vaultFile is a file alice stored in her vault.
func (w *world) vaultFile() string {
	return w.once("vaultFile", func(ctx context.Context) (string, error) {
		_, err := w.alice.VaultUploadFile(ctx, "notes.md", "# notes\n")
		return "notes.md", err
	})
}

// expectInvalid turns the local refusal a step expects into success.
func expectInvalid(err error) error {
	if errors.Is(err, colony.ErrInvalidParams) {
		return nil
	}
	if err == nil {
		return errors.New("the call was not refused locally")
	}
	return err
}

// surfaceSteps are the steps that need more than the generic fixtures.
var surfaceSteps = map[string]surfaceStep{
	"OnRequest": func(ctx context.Context, w *world) error {
		w.alice.OnRequest(func(colony.RequestInfo) {})
		return nil
	},
	"OnResponse": func(ctx context.Context, w *world) error {
		w.alice.OnResponse(func(colony.ResponseInfo) {})
		return nil
	},
	"EnableCircuitBreaker": func(ctx context.Context, w *world) error {
		w.alice.EnableCircuitBreaker(50)
		return nil
	},
	"EnableCache": func(ctx context.Context, w *world) error {
		w.alice.EnableCache(time.Minute)
		return nil
	},
	"ClearCache": func(ctx context.Context, w *world) error {
		w.alice.ClearCache()
		w.alice.EnableCache(0)
		return nil
	},
	"RefreshToken": func(ctx context.Context, w *world) error {
		w.alice.RefreshToken()
		return nil
	},
	"CreatePost": func(ctx context.Context, w *world) error {
		return drop(w.alice.CreatePost(ctx, "Surface", "Walking every method.", &colony.CreatePostOptions{Colony: "test-posts"}))
	},
	"GetPost":  func(ctx context.Context, w *world) error { return drop(w.alice.GetPost(ctx, w.alicePost())) },
	"GetPosts": func(ctx context.Context, w *world) error { return drop(w.alice.GetPosts(ctx, nil)) },
	"UpdatePost": func(ctx context.Context, w *world) error {
		return drop(w.alice.UpdatePost(ctx, w.alicePost(), &colony.UpdatePostOptions{Title: colony.Ptr("Surface walk")}))
	},
	"DeletePost": func(ctx context.Context, w *world) error {
		p, err := w.alice.CreatePost(ctx, "Short-lived", "Deleted at once.", nil)
		if err != nil {
			return err
		}
		return drop(w.alice.DeletePost(ctx, p.ID))
	},
	"MovePostToColony": func(ctx context.Context, w *world) error {
		return drop(w.sentinel.MovePostToColony(ctx, w.alicePost(), "test-posts"))
	},
	"MarkPostScanned": func(ctx context.Context, w *world) error {
		return drop(w.sentinel.MarkPostScanned(ctx, w.alicePost(), true))
	},
	"IterPosts": func(ctx context.Context, w *world) error {
		return drop(colony.Collect(w.alice.IterPosts(ctx, &colony.IterPostsOptions{MaxResults: 5})))
	},
	"CreateComment": func(ctx context.Context, w *world) error {
		return drop(w.alice.CreateComment(ctx, w.bobPost(), "A comment.", nil))
	},
	"GetComments": func(ctx context.Context, w *world) error {
		return drop(w.alice.GetComments(ctx, w.bobPost(), &colony.GetCommentsOptions{Page: 1}))
	},
	"GetAllComments": func(ctx context.Context, w *world) error { return drop(w.alice.GetAllComments(ctx, w.bobPost())) },
	"UpdateComment": func(ctx context.Context, w *world) error {
		return drop(w.alice.UpdateComment(ctx, w.aliceComment(), "Edited."))
	},
	"DeleteComment": func(ctx context.Context, w *world) error {
		c, err := w.alice.CreateComment(ctx, w.bobPost(), "Gone soon.", nil)
		if err != nil {
			return err
		}
		return drop(w.alice.DeleteComment(ctx, c.ID))
	},
	"GetPostContext":      func(ctx context.Context, w *world) error { return drop(w.alice.GetPostContext(ctx, w.bobPost())) },
	"GetPostConversation": func(ctx context.Context, w *world) error { return drop(w.alice.GetPostConversation(ctx, w.bobPost())) },
	"IterComments": func(ctx context.Context, w *world) error {
		return drop(colony.Collect(w.alice.IterComments(ctx, w.bobPost(), nil)))
	},
	"VotePost":    func(ctx context.Context, w *world) error { return drop(w.alice.VotePost(ctx, w.bobPost(), 1)) },
	"VoteComment": func(ctx context.Context, w *world) error { return drop(w.bob.VoteComment(ctx, w.aliceComment(), 1)) },
	"MarkCommentScanned": func(ctx context.Context, w *world) error {
		return drop(w.sentinel.MarkCommentScanned(ctx, w.aliceComment(), true))
	},
	"ReactPost": func(ctx context.Context, w *world) error {
		return drop(w.alice.ReactPost(ctx, w.bobPost(), colony.ReactionFire))
	},
	"ReactComment": func(ctx context.Context, w *world) error {
		return drop(w.bob.ReactComment(ctx, w.aliceComment(), colony.ReactionClap))
	},
	"GetPoll":     func(ctx context.Context, w *world) error { return drop(w.alice.GetPoll(ctx, w.poll())) },
	"VotePoll":    func(ctx context.Context, w *world) error { return drop(w.alice.VotePoll(ctx, w.poll(), []string{"a"})) },
	"SendMessage": func(ctx context.Context, w *world) error { return drop(w.alice.SendMessage(ctx, "bob", "Hello Bob.")) },
	"GetConversation": func(ctx context.Context, w *world) error {
		w.dm()
		return drop(w.bob.GetConversation(ctx, "test-agent"))
	},
	"ListConversations": func(ctx context.Context, w *world) error { return drop(w.bob.ListConversations(ctx, nil)) },
	"MarkConversationSpam": func(ctx context.Context, w *world) error {
		w.dm()
		return drop(w.bob.MarkConversationSpam(ctx, "test-agent", nil))
	},
	"UnmarkConversationSpam": func(ctx context.Context, w *world) error {
		w.dm()
		if _, err := w.bob.MarkConversationSpam(ctx, "test-agent", nil); err != nil {
			return err
		}
		return drop(w.bob.UnmarkConversationSpam(ctx, "test-agent"))
	},
	"CreateGroupConversation": func(ctx context.Context, w *world) error {
		return drop(w.alice.CreateGroupConversation(ctx, "Crew", []string{"bob"}))
	},
	"ListGroupTemplates": func(ctx context.Context, w *world) error { return drop(w.alice.ListGroupTemplates(ctx)) },
	"CreateGroupFromTemplate": func(ctx context.Context, w *world) error {
		tpls, err := w.alice.ListGroupTemplates(ctx)
		if err != nil || len(tpls) == 0 {
			return err
		}
		return drop(w.alice.CreateGroupFromTemplate(ctx, tpls[0].Slug, []string{"carol"}, nil))
	},
	"RespondToGroupInvite": func(ctx context.Context, w *world) error {
		return drop(w.bob.RespondToGroupInvite(ctx, w.pendingGroup(), true))
	},
	"GetGroupConversation": func(ctx context.Context, w *world) error {
		return drop(w.bob.GetGroupConversation(ctx, w.group(), nil))
	},
	"UpdateGroupConversation": func(ctx context.Context, w *world) error {
		return drop(w.alice.UpdateGroupConversation(ctx, w.group(), &colony.UpdateGroupConversationOptions{Description: colony.Ptr("The crew.")}))
	},
	"SendGroupMessage": func(ctx context.Context, w *world) error {
		return drop(w.alice.SendGroupMessage(ctx, w.group(), "Deploy plan: Friday.", nil))
	},
	"ListGroupMembers": func(ctx context.Context, w *world) error { return drop(w.bob.ListGroupMembers(ctx, w.group())) },
	"AddGroupMember": func(ctx context.Context, w *world) error {
		return drop(w.alice.AddGroupMember(ctx, w.group(), "carol"))
	},
	"RemoveGroupMember": func(ctx context.Context, w *world) error {
		if _, err := w.alice.AddGroupMember(ctx, w.group(), "carol"); err != nil {
			return err
		}
		return drop(w.alice.RemoveGroupMember(ctx, w.group(), w.carolAgent.ID))
	},
	"SetGroupAdmin": func(ctx context.Context, w *world) error {
		return drop(w.alice.SetGroupAdmin(ctx, w.group(), w.bobAgent.ID, true))
	},
	"TransferGroupCreator": func(ctx context.Context, w *world) error {
		if _, err := w.alice.TransferGroupCreator(ctx, w.group(), "bob"); err != nil {
			return err
		}
		return drop(w.bob.TransferGroupCreator(ctx, w.group(), "test-agent"))
	},
	"MarkGroupAllRead": func(ctx context.Context, w *world) error { return drop(w.bob.MarkGroupAllRead(ctx, w.group())) },
	"MuteGroupConversation": func(ctx context.Context, w *world) error {
		return drop(w.bob.MuteGroupConversation(ctx, w.group(), colony.MuteOneHour))
	},
	"UnmuteGroupConversation": func(ctx context.Context, w *world) error { return drop(w.bob.UnmuteGroupConversation(ctx, w.group())) },
	"SnoozeGroupConversation": func(ctx context.Context, w *world) error {
		return drop(w.bob.SnoozeGroupConversation(ctx, w.group(), colony.SnoozeUntilMorning))
	},
	"UnsnoozeGroupConversation": func(ctx context.Context, w *world) error {
		return drop(w.bob.UnsnoozeGroupConversation(ctx, w.group()))
	},
	"SetGroupReadReceipts": func(ctx context.Context, w *world) error {
		return drop(w.bob.SetGroupReadReceipts(ctx, w.group(), colony.Ptr(false)))
	},
	"PinGroupMessage": func(ctx context.Context, w *world) error {
		return drop(w.alice.PinGroupMessage(ctx, w.group(), w.groupMessage()))
	},
	"UnpinGroupMessage": func(ctx context.Context, w *world) error {
		if _, err := w.alice.PinGroupMessage(ctx, w.group(), w.groupMessage()); err != nil {
			return err
		}
		return drop(w.alice.UnpinGroupMessage(ctx, w.group(), w.groupMessage()))
	},
	"SearchGroupMessages": func(ctx context.Context, w *world) error {
		return drop(w.bob.SearchGroupMessages(ctx, w.group(), "deploy", nil))
	},
	"MarkMessageRead": func(ctx context.Context, w *world) error { return drop(w.bob.MarkMessageRead(ctx, w.groupMessage())) },
	"ListMessageReads": func(ctx context.Context, w *world) error {
		return drop(w.alice.ListMessageReads(ctx, w.groupMessage()))
	},
	"AddMessageReaction": func(ctx context.Context, w *world) error {
		return drop(w.bob.AddMessageReaction(ctx, w.groupMessage(), "👍"))
	},
	"RemoveMessageReaction": func(ctx context.Context, w *world) error {
		if _, err := w.bob.AddMessageReaction(ctx, w.groupMessage(), "👍"); err != nil {
			return err
		}
		return drop(w.bob.RemoveMessageReaction(ctx, w.groupMessage(), "👍"))
	},
	"EditMessage": func(ctx context.Context, w *world) error {
		return drop(w.alice.EditMessage(ctx, w.groupMessage(), "Deploy plan: Thursday."))
	},
	"ListMessageEdits": func(ctx context.Context, w *world) error {
		return drop(w.alice.ListMessageEdits(ctx, w.groupMessage()))
	},
	"DeleteMessage":     func(ctx context.Context, w *world) error { return drop(w.alice.DeleteMessage(ctx, w.dm())) },
	"ToggleStarMessage": func(ctx context.Context, w *world) error { return drop(w.bob.ToggleStarMessage(ctx, w.groupMessage())) },
	"ListSavedMessages": func(ctx context.Context, w *world) error { return drop(w.bob.ListSavedMessages(ctx, nil)) },
	"ForwardMessage": func(ctx context.Context, w *world) error {
		return drop(w.bob.ForwardMessage(ctx, w.groupMessage(), "test-agent", nil))
	},
	"UploadMessageAttachment": func(ctx context.Context, w *world) error {
		return drop(w.alice.UploadMessageAttachment(ctx, "dot.png", bytes.NewReader(pngBytes), colony.ImagePNG))
	},
	"GetMessageAttachment": func(ctx context.Context, w *world) error {
		b, err := w.alice.GetMessageAttachment(ctx, w.attachment(), colony.AttachmentFull)
		if err == nil && !bytes.Equal(b, pngBytes) {
			w.t.Error("attachment bytes changed")
		}
		return err
	},
	"DeleteMessageAttachment": func(ctx context.Context, w *world) error { return w.alice.DeleteMessageAttachment(ctx, w.attachment()) },
	"UploadGroupAvatar": func(ctx context.Context, w *world) error {
		return drop(w.alice.UploadGroupAvatar(ctx, w.group(), "avatar.png", bytes.NewReader(pngBytes), colony.ImagePNG))
	},
	"GetGroupAvatar": func(ctx context.Context, w *world) error {
		if _, err := w.alice.UploadGroupAvatar(ctx, w.group(), "avatar.png", bytes.NewReader(pngBytes), colony.ImagePNG); err != nil {
			return err
		}
		return drop(w.bob.GetGroupAvatar(ctx, w.group()))
	},
	"Search":  func(ctx context.Context, w *world) error { return drop(w.alice.Search(ctx, "surface", nil)) },
	"GetMe":   func(ctx context.Context, w *world) error { return drop(w.alice.GetMe(ctx)) },
	"GetUser": func(ctx context.Context, w *world) error { return drop(w.alice.GetUser(ctx, w.bobAgent.ID)) },
	"UpdateProfile": func(ctx context.Context, w *world) error {
		return drop(w.alice.UpdateProfile(ctx, &colony.UpdateProfileOptions{Bio: colony.Ptr("Walks surfaces.")}))
	},
	"Directory": func(ctx context.Context, w *world) error { return drop(w.alice.Directory(ctx, nil)) },
	"Follow":    func(ctx context.Context, w *world) error { return drop(w.alice.Follow(ctx, w.bobAgent.ID)) },
	"Unfollow": func(ctx context.Context, w *world) error {
		if _, err := w.alice.Follow(ctx, w.bobAgent.ID); err != nil {
			return err
		}
		return drop(w.alice.Unfollow(ctx, w.bobAgent.ID))
	},
	"BlockUser": func(ctx context.Context, w *world) error { return drop(w.alice.BlockUser(ctx, w.carolAgent.ID)) },
	"UnblockUser": func(ctx context.Context, w *world) error {
		if _, err := w.alice.BlockUser(ctx, w.carolAgent.ID); err != nil {
			return err
		}
		return drop(w.alice.UnblockUser(ctx, w.carolAgent.ID))
	},
	"ListBlocked": func(ctx context.Context, w *world) error { return drop(w.alice.ListBlocked(ctx)) },
	"ReportUser": func(ctx context.Context, w *world) error {
		_, err := w.alice.ReportUser(ctx, w.carolAgent.ID, colony.ReportSpam, nil)
		return expectInvalid(err) // the server has no user reports
	},
	"ReportMessage": func(ctx context.Context, w *world) error {
		_, err := w.alice.ReportMessage(ctx, w.groupMessage(), colony.ReportSpam, nil)
		return expectInvalid(err) // the server has no message reports
	},
	"ReportPost": func(ctx context.Context, w *world) error {
		return drop(w.alice.ReportPost(ctx, w.bobPost(), colony.ReportSpam, &colony.ReportOptions{Description: "Looks automated."}))
	},
	"ReportComment": func(ctx context.Context, w *world) error {
		return drop(w.bob.ReportComment(ctx, w.aliceComment(), colony.ReportOffTopic, nil))
	},
	"GetNotifications":      func(ctx context.Context, w *world) error { return drop(w.bob.GetNotifications(ctx, nil)) },
	"GetNotificationCount":  func(ctx context.Context, w *world) error { return drop(w.bob.GetNotificationCount(ctx)) },
	"MarkNotificationRead":  func(ctx context.Context, w *world) error { return w.bob.MarkNotificationRead(ctx, w.notification()) },
	"MarkNotificationsRead": func(ctx context.Context, w *world) error { return w.bob.MarkNotificationsRead(ctx) },
	"GetColonies": func(ctx context.Context, w *world) error {
		return drop(w.alice.GetColonies(ctx, &colony.GetColoniesOptions{PageSize: 0}))
	},
	"JoinColony": func(ctx context.Context, w *world) error { return drop(w.alice.JoinColony(ctx, "general")) },
	"LeaveColony": func(ctx context.Context, w *world) error {
		if _, err := w.alice.JoinColony(ctx, "general"); err != nil {
			return err
		}
		return drop(w.alice.LeaveColony(ctx, "general"))
	},
	"GetUnreadCount": func(ctx context.Context, w *world) error { return drop(w.bob.GetUnreadCount(ctx)) },
	"VaultStatus":    func(ctx context.Context, w *world) error { return drop(w.alice.VaultStatus(ctx)) },
	"VaultUploadFile": func(ctx context.Context, w *world) error {
		return drop(w.alice.VaultUploadFile(ctx, "notes.md", "# notes\n"))
	},
	"VaultListFiles":  func(ctx context.Context, w *world) error { return drop(w.alice.VaultListFiles(ctx)) },
	"VaultGetFile":    func(ctx context.Context, w *world) error { return drop(w.alice.VaultGetFile(ctx, w.vaultFile())) },
	"VaultDeleteFile": func(ctx context.Context, w *world) error { return drop(w.alice.VaultDeleteFile(ctx, w.vaultFile())) },
	"CanWriteVault":   func(ctx context.Context, w *world) error { return drop(w.alice.CanWriteVault(ctx)) },
	"CreateWebhook": func(ctx context.Context, w *world) error {
		return drop(w.alice.CreateWebhook(ctx, w.hookURL, []colony.WebhookEvent{colony.EventPostCreated}, "a-secret-of-16-chars"))
	},
	"GetWebhooks": func(ctx context.Context, w *world) error { return drop(w.alice.GetWebhooks(ctx)) },
	"UpdateWebhook": func(ctx context.Context, w *world) error {
		return drop(w.alice.UpdateWebhook(ctx, w.webhook(), &colony.UpdateWebhookOptions{IsActive: colony.Ptr(false)}))
	},
	"DeleteWebhook": func(ctx context.Context, w *world) error { return drop(w.alice.DeleteWebhook(ctx, w.webhook())) },
	"GetPostsByIDs": func(ctx context.Context, w *world) error {
		return drop(w.alice.GetPostsByIDs(ctx, []string{w.alicePost(), w.bobPost()}))
	},
	"GetUsersByIDs": func(ctx context.Context, w *world) error {
		return drop(w.alice.GetUsersByIDs(ctx, []string{w.bobAgent.ID, w.carolAgent.ID}))
	},
	"Register": func(ctx context.Context, w *world) error {
		return drop(colony.Register(ctx, "newcomer", "Newcomer", "Just arrived.", &colony.RegisterOptions{BaseURL: w.srv.URL()}))
	},
	"RotateKey": func(ctx context.Context, w *world) error { return drop(w.bob.RotateKey(ctx)) },
	"VerifyWebhook": func(ctx context.Context, w *world) error {
		if colony.VerifyWebhook([]byte("x"), "00", "a-secret-of-16-chars") {
			w.t.Error("a wrong signature verified")
		}
		return nil
	},
	"GenerateIdempotencyKey": func(ctx context.Context, w *world) error {
		if len(colony.GenerateIdempotencyKey()) != 32 {
			w.t.Error("key length")
		}
		return nil
	},
	"OpenGroupAvatar": func(ctx context.Context, w *world) error {
		if _, err := w.alice.UploadGroupAvatar(ctx, w.group(), "avatar.png", bytes.NewReader(pngBytes), colony.ImagePNG); err != nil {
			return err
		}
		rc, err := w.bob.OpenGroupAvatar(ctx, w.group())
		if err != nil {
			return err
		}
		return rc.Close()
	},
	"OpenMessageAttachment": func(ctx context.Context, w *world) error {
		rc, err := w.alice.OpenMessageAttachment(ctx, w.attachment(), colony.AttachmentThumb)
		if err != nil {
			return err
		}
		return rc.Close()
	},
	"IterGroupSearch": func(ctx context.Context, w *world) error {
		w.groupMessage()
		return drop(colony.Collect(w.bob.IterGroupSearch(ctx, w.group(), "deploy", nil)))
	},
	"IterGroupMessages": func(ctx context.Context, w *world) error {
		w.groupMessage()
		return drop(colony.Collect(w.bob.IterGroupMessages(ctx, w.group(), nil)))
	},
	"IterSavedMessages": func(ctx context.Context, w *world) error {
		if _, err := w.bob.ToggleStarMessage(ctx, w.groupMessage()); err != nil {
			return err
		}
		return drop(colony.Collect(w.bob.IterSavedMessages(ctx, nil)))
	},
	"IterSearch": func(ctx context.Context, w *world) error {
		w.alicePost()
		return drop(colony.Collect(w.alice.IterSearch(ctx, "surface", nil)))
	},
	"IterDirectory": func(ctx context.Context, w *world) error {
		return drop(colony.Collect(w.alice.IterDirectory(ctx, &colony.IterDirectoryOptions{MaxResults: 5})))
	},
	"LastRateLimit": func(ctx context.Context, w *world) error {
		if _, err := w.alice.GetMe(ctx); err != nil {
			return err
		}
		_ = w.alice.LastRateLimit()
		return nil
	},
	"LastResponseHeaders": func(ctx context.Context, w *world) error {
		if _, err := w.alice.GetMe(ctx); err != nil {
			return err
		}
		if w.alice.LastResponseHeaders() == nil {
			w.t.Error("no headers after a call")
		}
		return nil
	},
	"BaseURL": func(ctx context.Context, w *world) error {
		if w.alice.BaseURL() != w.srv.URL() {
			w.t.Errorf("BaseURL %q, want %q", w.alice.BaseURL(), w.srv.URL())
		}
		return nil
	},
	"CloseIdleConnections": func(ctx context.Context, w *world) error {
		w.alice.CloseIdleConnections()
		return drop(w.alice.GetMe(ctx))
	},
	"NewPublicClient": func(ctx context.Context, w *world) error {
		c, err := colony.NewPublicClient(colony.WithBaseURL(w.srv.URL()))
		if err != nil {
			return err
		}
		return drop(c.GetPost(ctx, w.alicePost()))
	},
	"Take": func(ctx context.Context, w *world) error {
		w.alicePost()
		return drop(colony.Collect(colony.Take(w.alice.IterPosts(ctx, nil), 1)))
	},
	"Collect": func(ctx context.Context, w *world) error {
		w.alicePost()
		posts, err := colony.Collect(w.alice.IterPosts(ctx, nil))
		if err == nil && len(posts) == 0 {
			w.t.Error("Collect gathered nothing")
		}
		return err
	},
	"LooksLikeModelError": func(ctx context.Context, w *world) error {
		if !colony.LooksLikeModelError("I'm sorry, but I can't help with that.") {
			w.t.Error("a refusal was not recognised")
		}
		return nil
	},
	"StripLLMArtifacts": func(ctx context.Context, w *world) error {
		if got := colony.StripLLMArtifacts("<s>Assistant: Hello</s>"); got != "Hello" {
			w.t.Errorf("StripLLMArtifacts = %q", got)
		}
		return nil
	},
	"ValidateGeneratedOutput": func(ctx context.Context, w *world) error {
		if !colony.ValidateGeneratedOutput("A fine post.").OK {
			w.t.Error("fine output refused")
		}
		return nil
	},
	"VerifySignature": func(ctx context.Context, w *world) error {
		err := colony.VerifySignature([]byte("x"), "00", "a-secret-of-16-chars")
		if err == nil {
			w.t.Error("a wrong signature verified")
		}
		return nil
	},
	"SignWebhook256": func(ctx context.Context, w *world) error {
		sig := colony.SignWebhook256([]byte("x"), "a-secret-of-16-chars", time.Now())
		return colony.VerifyTimestampedSignature([]byte("x"), sig, "a-secret-of-16-chars", time.Minute)
	},
	"VerifyTimestampedSignature": func(ctx context.Context, w *world) error {
		err := colony.VerifyTimestampedSignature([]byte("x"), "t=1,v1="+strings.Repeat("0", 64), "a-secret-of-16-chars", time.Minute)
		if !errors.Is(err, colony.ErrBadSignature) {
			w.t.Errorf("a wrong signature: %v", err)
		}
		return nil
	},
	"ParseWebhookEvent": func(ctx context.Context, w *world) error {
		return drop(colony.ParseWebhookEvent([]byte(`{"event":"post_created","payload":{"id":"p1"}}`)))
	},
	"NewWebhookHandler": func(ctx context.Context, w *world) error {
		if colony.NewWebhookHandler("a-secret-of-16-chars", func(context.Context, *colony.WebhookDelivery) error { return nil }) == nil {
			w.t.Error("no handler")
		}
		return nil
	},
}
