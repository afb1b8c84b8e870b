package colony

import (
	"context"
	"unicode/utf8"
)

const (
	autoModNameMax    = 120
	autoModReorderMax = 200
)

var autoModScopes = []AutoModScope{AutoModPosts, AutoModComments, AutoModBoth}

// rulesKey: rule lists are under "rules".
type rulesKey struct{}

func (rulesKey) keys() []string { return []string{"rules"} }

// AutoModRuleSpec is a rule to create or dry-run. Scope "" is both.
type AutoModRuleSpec struct {
	Name     string          `json:"name"`
	Scope    AutoModScope    `json:"scope"`
	Triggers AutoModTriggers `json:"triggers"`
	Actions  AutoModActions  `json:"actions"`
}

// checked returns s with its default scope, or the local refusal.
func (s AutoModRuleSpec) checked(op string) (AutoModRuleSpec, error) {
	if s.Scope == "" {
		s.Scope = AutoModBoth
	}
	if err := s.check(op); err != nil {
		return s, err
	}
	return s, checkToken(op, "scope", s.Scope, autoModScopes)
}

// check applies the name's rule: 1 to 120 characters.
func (s AutoModRuleSpec) check(op string) error {
	if err := requireText(op, "Name", s.Name); err != nil {
		return err
	}
	if utf8.RuneCountInString(s.Name) > autoModNameMax {
		return invalidParams(op, "Name is over %d characters", autoModNameMax)
	}
	return nil
}

// ListAutoModRules lists a colony's AutoMod rules in evaluation order.
// GET /colonies/{colony_id}/automod-rules.
func (c *Client) ListAutoModRules(ctx context.Context, colony string, opts ...CallOption) ([]AutoModRule, error) {
	return c.autoModRules(ctx, epListAutoModRules, colony, nil, opts)
}

func (c *Client) autoModRules(ctx context.Context, ep *endpoint, colony string, body any, opts []CallOption) ([]AutoModRule, error) {
	l, err := colonyCall[keyedList[AutoModRule, rulesKey]](ctx, c, ep, colony, args{body: body}, opts)
	if err != nil {
		return nil, err
	}
	return l.Items, nil
}

// autoModSpecCall checks spec and sends it to ep.
func autoModSpecCall[T any](ctx context.Context, c *Client, ep *endpoint, colony string, spec AutoModRuleSpec, opts []CallOption) (*T, error) {
	spec, err := spec.checked(ep.goName)
	if err != nil {
		return nil, err
	}
	return colonyCall[T](ctx, c, ep, colony, args{body: spec}, opts)
}

// CreateAutoModRule adds a rule at the end of a colony's evaluation order.
// POST /colonies/{colony_id}/automod-rules. Name is 1 to 120 characters.
func (c *Client) CreateAutoModRule(ctx context.Context, colony string, spec AutoModRuleSpec, opts ...CallOption) (*AutoModRule, error) {
	return autoModSpecCall[AutoModRule](ctx, c, epCreateAutoModRule, colony, spec, opts)
}

// DryRunAutoModRule shows what a rule would match among a colony's recent
// posts and comments, without creating it or acting on anything.
// POST /colonies/{colony_id}/automod-rules/dry-run.
func (c *Client) DryRunAutoModRule(ctx context.Context, colony string, spec AutoModRuleSpec, opts ...CallOption) (*AutoModDryRun, error) {
	return autoModSpecCall[AutoModDryRun](ctx, c, epDryRunAutoModRule, colony, spec, opts)
}

// UpdateAutoModRuleOptions are the fields to change; nil leaves one as it
// is. Triggers and Actions replace the rule's wholesale.
type UpdateAutoModRuleOptions struct {
	Name       *string          `json:"name,omitempty"`
	Scope      *AutoModScope    `json:"scope,omitempty"`
	Triggers   *AutoModTriggers `json:"triggers,omitempty"`
	Actions    *AutoModActions  `json:"actions,omitempty"`
	Enabled    *bool            `json:"enabled,omitempty"`
	OrderIndex *int             `json:"order_index,omitempty"`
}

// UpdateAutoModRule changes a rule. PATCH /colonies/{colony_id}/automod-rules/{rule_id}.
// With nil options the body is {}.
func (c *Client) UpdateAutoModRule(ctx context.Context, colony, ruleID string, opts *UpdateAutoModRuleOptions, callOpts ...CallOption) (*AutoModRule, error) {
	op := epUpdateAutoModRule.goName
	body := UpdateAutoModRuleOptions{}
	if opts != nil {
		body = *opts
	}
	if body.Name != nil {
		if err := (AutoModRuleSpec{Name: *body.Name}).check(op); err != nil {
			return nil, err
		}
	}
	if body.Scope != nil {
		if err := checkToken(op, "scope", *body.Scope, autoModScopes); err != nil {
			return nil, err
		}
	}
	return colonyCall[AutoModRule](ctx, c, epUpdateAutoModRule, colony, args{params: []string{ruleID}, body: body}, callOpts)
}

// ReorderAutoModRules sets the evaluation order: ruleIDs names every rule
// of the colony exactly once (1 to 200). A stale list is ErrConflict.
// PUT /colonies/{colony_id}/automod-rules/order.
func (c *Client) ReorderAutoModRules(ctx context.Context, colony string, ruleIDs []string, opts ...CallOption) ([]AutoModRule, error) {
	op := epReorderAutoModRules.goName
	if len(ruleIDs) == 0 || len(ruleIDs) > autoModReorderMax {
		return nil, invalidParams(op, "ruleIDs must hold 1 to %d ids, got %d", autoModReorderMax, len(ruleIDs))
	}
	seen := make(map[string]bool, len(ruleIDs))
	for _, id := range ruleIDs {
		if seen[id] {
			return nil, invalidParams(op, "rule %q is listed twice; list every rule exactly once", id)
		}
		seen[id] = true
	}
	return c.autoModRules(ctx, epReorderAutoModRules, colony, struct {
		RuleIDs []string `json:"rule_ids"`
	}{ruleIDs}, opts)
}

// DeleteAutoModRule deletes a rule. DELETE /colonies/{colony_id}/automod-rules/{rule_id}.
func (c *Client) DeleteAutoModRule(ctx context.Context, colony, ruleID string, opts ...CallOption) error {
	return colonyCallNoResult(ctx, c, epDeleteAutoModRule, colony, ids(ruleID), opts)
}
