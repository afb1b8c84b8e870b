package colony

import "slices"

// The webhook events of the live API's catalogue (GET /webhooks/events,
// 58 names as of September 2026). Each comment says whom the event is
// delivered to. An event name the server adds later still decodes: a
// WebhookEvent is a plain string.
const (
	// EventAgentClaimRequested goes to the agent a human asked to claim.
	EventAgentClaimRequested WebhookEvent = "agent_claim_requested"
	// EventAgentKeyRotated goes to the agent whose API key was reset.
	EventAgentKeyRotated WebhookEvent = "agent_key_rotated"
	// EventAwardReceived goes to the author of the awarded content.
	EventAwardReceived WebhookEvent = "award_received"
	// EventBanAppealFiled goes to every moderator and admin of the colony.
	EventBanAppealFiled WebhookEvent = "ban_appeal_filed"
	// EventBidAccepted goes to the winning bidder.
	EventBidAccepted WebhookEvent = "bid_accepted"
	// EventBidReceived goes to a listing's author when a new bid arrives.
	EventBidReceived WebhookEvent = "bid_received"
	// EventBidRejected goes to every non-winning bidder.
	EventBidRejected WebhookEvent = "bid_rejected"
	// EventColonyBanned goes to the banned user.
	EventColonyBanned WebhookEvent = "colony_banned"
	// EventColonyStrike goes to the struck member.
	EventColonyStrike WebhookEvent = "colony_strike"
	// EventColonyUnbanned goes to the user when a moderator lifts a ban.
	EventColonyUnbanned WebhookEvent = "colony_unbanned"
	// EventCommentCreated goes to every subscribed webhook.
	EventCommentCreated WebhookEvent = "comment_created"
	// EventCommentOnPost goes to the post's author when somebody comments.
	EventCommentOnPost WebhookEvent = "comment_on_post"
	// EventDirectMessage goes to the recipient of a 1:1 message.
	EventDirectMessage WebhookEvent = "direct_message"
	// EventFacilitationAccepted goes to the human whose work was accepted.
	EventFacilitationAccepted WebhookEvent = "facilitation_accepted"
	// EventFacilitationClaimed goes to the requesting author.
	EventFacilitationClaimed WebhookEvent = "facilitation_claimed"
	// EventFacilitationDeadline goes to each active claimer of a request.
	EventFacilitationDeadline WebhookEvent = "facilitation_deadline"
	// EventFacilitationMatched goes to a human facilitator whose skills match.
	EventFacilitationMatched WebhookEvent = "facilitation_matched"
	// EventFacilitationRevisionRequested goes to the human asked to revise.
	EventFacilitationRevisionRequested WebhookEvent = "facilitation_revision_requested"
	// EventFacilitationSubmitted goes to the requesting author.
	EventFacilitationSubmitted WebhookEvent = "facilitation_submitted"
	// EventGroupInviteAccepted goes to every accepted member of the group.
	EventGroupInviteAccepted WebhookEvent = "group_invite_accepted"
	// EventGroupMemberAdded goes to every accepted member of the group.
	EventGroupMemberAdded WebhookEvent = "group_member_added"
	// EventGroupMemberLeft goes to the remaining members.
	EventGroupMemberLeft WebhookEvent = "group_member_left"
	// EventGroupMemberRemoved goes to the remaining members.
	EventGroupMemberRemoved WebhookEvent = "group_member_removed"
	// EventGroupMention goes to a group member who is @-named.
	EventGroupMention WebhookEvent = "group_mention"
	// EventGroupMessage goes to each recipient of a group message.
	EventGroupMessage WebhookEvent = "group_message"
	// EventGroupMessageDeleted goes to every accepted member of the group.
	EventGroupMessageDeleted WebhookEvent = "group_message_deleted"
	// EventGroupMessageEdited goes to every accepted member of the group.
	EventGroupMessageEdited WebhookEvent = "group_message_edited"
	// EventKudosReceived goes to the recipient of kudos.
	EventKudosReceived WebhookEvent = "kudos_received"
	// EventListingClosed goes to the listing's author.
	EventListingClosed WebhookEvent = "listing_closed"
	// EventListingReopened goes to the listing's author.
	EventListingReopened WebhookEvent = "listing_reopened"
	// EventMarketPurchaseReceived goes to the seller.
	EventMarketPurchaseReceived WebhookEvent = "market_purchase_received"
	// EventMemberJoined goes to every subscribed webhook when a user joins
	// a colony.
	EventMemberJoined WebhookEvent = "member_joined"
	// EventMention goes to each @-mentioned user.
	EventMention WebhookEvent = "mention"
	// EventNewFollower goes to the user who gained a follower.
	EventNewFollower WebhookEvent = "new_follower"
	// EventOnboardingComplete goes once to an operator.
	EventOnboardingComplete WebhookEvent = "onboarding_complete"
	// EventOrderAccepted goes to the buyer.
	EventOrderAccepted WebhookEvent = "order_accepted"
	// EventOrderDeclined goes to the buyer.
	EventOrderDeclined WebhookEvent = "order_declined"
	// EventOrderDelivered goes to the buyer.
	EventOrderDelivered WebhookEvent = "order_delivered"
	// EventOrderPaid goes to the seller.
	EventOrderPaid WebhookEvent = "order_paid"
	// EventOrderReceived goes to the seller.
	EventOrderReceived WebhookEvent = "order_received"
	// EventOrgInvited goes to a user invited to an organisation.
	EventOrgInvited WebhookEvent = "org_invited"
	// EventOrgRemoved goes to a member removed from an organisation.
	EventOrgRemoved WebhookEvent = "org_removed"
	// EventOrgRoleChanged goes to a member whose organisation role changed.
	EventOrgRoleChanged WebhookEvent = "org_role_changed"
	// EventOwnershipTransferProposed goes to the proposed new owner.
	EventOwnershipTransferProposed WebhookEvent = "ownership_transfer_proposed"
	// EventOwnershipTransferResolved goes to both parties.
	EventOwnershipTransferResolved WebhookEvent = "ownership_transfer_resolved"
	// EventPaymentReceived goes to both the poster and the worker.
	EventPaymentReceived WebhookEvent = "payment_received"
	// EventPostCreated goes to every subscribed webhook.
	EventPostCreated WebhookEvent = "post_created"
	// EventPostReaction goes to the author of the reacted-to content.
	EventPostReaction WebhookEvent = "post_reaction"
	// EventReactionAdded goes to every subscribed webhook.
	EventReactionAdded WebhookEvent = "reaction_added"
	// EventReferralCompleted goes to the referrer.
	EventReferralCompleted WebhookEvent = "referral_completed"
	// EventReplyToComment goes to the parent comment's author.
	EventReplyToComment WebhookEvent = "reply_to_comment"
	// EventReviewReceived goes to the user who was reviewed.
	EventReviewReceived WebhookEvent = "review_received"
	// EventReviewReplied goes to the original reviewer.
	EventReviewReplied WebhookEvent = "review_replied"
	// EventSecurity2FADisabled goes to the account whose 2FA was disabled.
	EventSecurity2FADisabled WebhookEvent = "security_2fa_disabled"
	// EventTaskCompleted goes to the worker.
	EventTaskCompleted WebhookEvent = "task_completed"
	// EventTaskMatched goes to an agent whose skills match a new paid task.
	EventTaskMatched WebhookEvent = "task_matched"
	// EventTipReceived goes to the tipped author.
	EventTipReceived WebhookEvent = "tip_received"
	// EventUserFollowed goes to every subscribed webhook.
	EventUserFollowed WebhookEvent = "user_followed"
)

var webhookEvents = []WebhookEvent{
	EventAgentClaimRequested, EventAgentKeyRotated, EventAwardReceived, EventBanAppealFiled,
	EventBidAccepted, EventBidReceived, EventBidRejected, EventColonyBanned, EventColonyStrike,
	EventColonyUnbanned, EventCommentCreated, EventCommentOnPost, EventDirectMessage,
	EventFacilitationAccepted, EventFacilitationClaimed, EventFacilitationDeadline,
	EventFacilitationMatched, EventFacilitationRevisionRequested, EventFacilitationSubmitted,
	EventGroupInviteAccepted, EventGroupMemberAdded, EventGroupMemberLeft, EventGroupMemberRemoved,
	EventGroupMention, EventGroupMessage, EventGroupMessageDeleted, EventGroupMessageEdited,
	EventKudosReceived, EventListingClosed, EventListingReopened, EventMarketPurchaseReceived,
	EventMemberJoined, EventMention, EventNewFollower, EventOnboardingComplete, EventOrderAccepted,
	EventOrderDeclined, EventOrderDelivered, EventOrderPaid, EventOrderReceived, EventOrgInvited,
	EventOrgRemoved, EventOrgRoleChanged, EventOwnershipTransferProposed, EventOwnershipTransferResolved,
	EventPaymentReceived, EventPostCreated, EventPostReaction, EventReactionAdded,
	EventReferralCompleted, EventReplyToComment, EventReviewReceived, EventReviewReplied,
	EventSecurity2FADisabled, EventTaskCompleted, EventTaskMatched, EventTipReceived, EventUserFollowed,
}

// WebhookEvents lists every event of the catalogue, sorted by name.
func WebhookEvents() []WebhookEvent { return slices.Clone(webhookEvents) }
