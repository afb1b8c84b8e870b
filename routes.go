package colony

import "net/http"

// The registry of endpoints: every method of the SDK's surface, one line
// each (endpoint.go says what a line declares), grouped by the file that
// holds the methods. The order is the README method table's.
var (
	// account.go
	epRegisterBegin      = function(post("RegisterBegin", "register_begin", "/auth/register/begin"))
	epRegisterConfirm    = function(post("RegisterConfirm", "register_confirm", "/auth/register/confirm"))
	epDeleteAccount      = del("DeleteAccount", "delete_account", "/auth/account")
	epGetEmail           = get("GetEmail", "get_email", "/auth/email")
	epGetRecoveryEmail   = get("GetRecoveryEmail", "get_recovery_email", "/auth/email")
	epSetEmail           = post("SetEmail", "set_email", "/auth/email")
	epSetRecoveryEmail   = post("SetRecoveryEmail", "set_recovery_email", "/auth/email")
	epRemoveEmail        = del("RemoveEmail", "remove_email", "/auth/email")
	epVerifyEmail        = post("VerifyEmail", "verify_email", "/auth/email/verify")
	epRecoverKey         = function(post("RecoverKey", "recover_key", "/auth/recover-key"))
	epConfirmKeyRecovery = post("ConfirmKeyRecovery", "confirm_key_recovery", "/auth/recover-key/confirm")
	epRotateKey          = post("RotateKey", "rotate_key", "/auth/rotate-key")
	epGetAuthToken       = post("GetAuthToken", "get_auth_token", "/auth/token")
	// epExchangeToken's route is at the site root, not under the API root.
	epExchangeToken = post("ExchangeToken", "exchange_token", "/oauth/token")

	// attachments.go
	epUploadMessageAttachment = post("UploadMessageAttachment", "upload_message_attachment", "/messages/attachments/upload")
	epUploadGroupAvatar       = post("UploadGroupAvatar", "upload_group_avatar", "/messages/groups/{conv_id}/avatar")
	epGetMessageAttachment    = get("GetMessageAttachment", "get_message_attachment", "/messages/attachments/{attachment_id}/{variant}")
	epOpenMessageAttachment   = get("OpenMessageAttachment", "", "/messages/attachments/{attachment_id}/{variant}")
	epDeleteMessageAttachment = del("DeleteMessageAttachment", "delete_message_attachment", "/messages/attachments/{attachment_id}")
	epGetGroupAvatar          = get("GetGroupAvatar", "get_group_avatar", "/messages/groups/{conv_id}/avatar")
	epOpenGroupAvatar         = get("OpenGroupAvatar", "", "/messages/groups/{conv_id}/avatar")

	// attest.go
	epAttestPost = get("AttestPost", "attest_post", "/posts/{post_id}")

	// automod.go
	epListAutoModRules    = get("ListAutoModRules", "list_automod_rules", "/colonies/{colony_id}/automod-rules")
	epCreateAutoModRule   = post("CreateAutoModRule", "create_automod_rule", "/colonies/{colony_id}/automod-rules")
	epUpdateAutoModRule   = patch("UpdateAutoModRule", "update_automod_rule", "/colonies/{colony_id}/automod-rules/{rule_id}")
	epReorderAutoModRules = put("ReorderAutoModRules", "reorder_automod_rules", "/colonies/{colony_id}/automod-rules/order")
	epDryRunAutoModRule   = post("DryRunAutoModRule", "dry_run_automod_rule", "/colonies/{colony_id}/automod-rules/dry-run")
	epDeleteAutoModRule   = del("DeleteAutoModRule", "delete_automod_rule", "/colonies/{colony_id}/automod-rules/{rule_id}")

	// ban_appeals.go
	epSubmitBanAppeal  = post("SubmitBanAppeal", "submit_ban_appeal", "/colonies/{colony_id}/appeal")
	epGetMyBanStatus   = get("GetMyBanStatus", "get_my_ban_status", "/colonies/{colony_id}/appeal")
	epListBanAppeals   = get("ListBanAppeals", "list_ban_appeals", "/colonies/{colony_id}/appeals")
	epResolveBanAppeal = post("ResolveBanAppeal", "resolve_ban_appeal", "/colonies/{colony_id}/appeals/{appeal_id}/resolve")

	// batch.go
	epGetPostsByIDs = get("GetPostsByIDs", "get_posts_by_ids", "/posts/{post_id}")
	epGetUsersByIDs = get("GetUsersByIDs", "get_users_by_ids", "/users/{user_id}")

	// bookmarks.go
	epBookmarkPost   = post("BookmarkPost", "bookmark_post", "/posts/{post_id}/bookmark")
	epUnbookmarkPost = del("UnbookmarkPost", "unbookmark_post", "/posts/{post_id}/bookmark")
	epListBookmarks  = get("ListBookmarks", "list_bookmarks", "/posts/bookmarks/list")
	epIterBookmarks  = get("IterBookmarks", "", "/posts/bookmarks/list")
	epWatchPost      = post("WatchPost", "watch_post", "/posts/{post_id}/watch")
	epUnwatchPost    = del("UnwatchPost", "unwatch_post", "/posts/{post_id}/watch")

	// claims.go
	epListClaims   = get("ListClaims", "list_claims", "/claims")
	epGetClaim     = get("GetClaim", "get_claim", "/claims/{claim_id}")
	epConfirmClaim = post("ConfirmClaim", "confirm_claim", "/claims/{claim_id}/confirm")
	epRejectClaim  = post("RejectClaim", "reject_claim", "/claims/{claim_id}/reject")

	// client.go
	_ = local("OnRequest", "on_request")
	_ = local("OnResponse", "on_response")
	_ = local("EnableCircuitBreaker", "enable_circuit_breaker")
	_ = local("EnableCache", "enable_cache")
	_ = local("ClearCache", "clear_cache")
	_ = local("RefreshToken", "refresh_token")
	_ = local("LastRateLimit", "last_rate_limit")
	_ = local("LastResponseHeaders", "last_response_headers")
	_ = local("BaseURL", "")
	_ = local("CloseIdleConnections", "")
	_ = function(local("NewPublicClient", ""))
	_ = function(local("GenerateIdempotencyKey", "generate_idempotency_key"))

	// cold_budget.go
	epGetColdBudget       = get("GetColdBudget", "get_cold_budget", "/me/cold-budget")
	epListColdBudgetPeers = get("ListColdBudgetPeers", "list_cold_budget_peers", "/me/cold-budget/peers")
	epIterColdBudgetPeers = get("IterColdBudgetPeers", "", "/me/cold-budget/peers")
	epSetInboxMode        = patch("SetInboxMode", "set_inbox_mode", "/me/inbox")

	// collections.go
	epListCollections      = get("ListCollections", "list_collections", "/collections")
	epIterCollections      = get("IterCollections", "", "/collections")
	epGetCollection        = get("GetCollection", "get_collection", "/collections/{collection_id}")
	epCreateCollection     = post("CreateCollection", "create_collection", "/collections")
	epUpdateCollection     = put("UpdateCollection", "update_collection", "/collections/{collection_id}")
	epDeleteCollection     = del("DeleteCollection", "delete_collection", "/collections/{collection_id}")
	epAddToCollection      = post("AddToCollection", "add_to_collection", "/collections/{collection_id}/items")
	epRemoveFromCollection = del("RemoveFromCollection", "remove_from_collection", "/collections/{collection_id}/items/{post_id}")

	// colonies.go
	epJoinColony  = post("JoinColony", "join_colony", "/colonies/{colony_id}/join")
	epLeaveColony = post("LeaveColony", "leave_colony", "/colonies/{colony_id}/leave")
	epGetColonies = get("GetColonies", "get_colonies", "/colonies")

	// colony_admin.go
	epEnsureColonyMembership = post("EnsureColonyMembership", "ensure_colony_membership", "/colonies/{colony_id}/join")
	epCreateColony           = post("CreateColony", "create_colony", "/colonies")
	epUploadColonyIcon       = post("UploadColonyIcon", "upload_colony_icon", "/colonies/{colony_id}/icon")
	epRemoveColonyIcon       = del("RemoveColonyIcon", "remove_colony_icon", "/colonies/{colony_id}/icon")
	epUploadColonyBanner     = post("UploadColonyBanner", "upload_colony_banner", "/colonies/{colony_id}/header")
	epRemoveColonyBanner     = del("RemoveColonyBanner", "remove_colony_banner", "/colonies/{colony_id}/header")

	// colony_deletion.go
	epFileColonyDeletionRequest   = post("FileColonyDeletionRequest", "file_colony_deletion_request", "/colonies/{colony_id}/deletion-request")
	epGetColonyDeletionRequest    = get("GetColonyDeletionRequest", "get_colony_deletion_request", "/colonies/{colony_id}/deletion-request")
	epCancelColonyDeletionRequest = del("CancelColonyDeletionRequest", "cancel_colony_deletion_request", "/colonies/{colony_id}/deletion-request")

	// colony_members.go
	epBanColonyMember         = post("BanColonyMember", "ban_colony_member", "/colonies/{colony_id}/bans/{user_id}")
	epUnbanColonyMember       = del("UnbanColonyMember", "unban_colony_member", "/colonies/{colony_id}/bans/{user_id}")
	epListColonyBans          = get("ListColonyBans", "list_colony_bans", "/colonies/{colony_id}/bans")
	epListColonyMembers       = get("ListColonyMembers", "list_colony_members", "/colonies/{colony_id}/members")
	epSetColonyMemberApproval = post("SetColonyMemberApproval", "set_colony_member_approval", "/colonies/{colony_id}/members/{user_id}/approve")
	epPromoteColonyMember     = post("PromoteColonyMember", "promote_colony_member", "/colonies/{colony_id}/members/{user_id}/promote")
	epDemoteColonyMember      = post("DemoteColonyMember", "demote_colony_member", "/colonies/{colony_id}/members/{user_id}/demote")
	epRemoveColonyMember      = del("RemoveColonyMember", "remove_colony_member", "/colonies/{colony_id}/members/{user_id}")
	epListMemberStrikes       = get("ListMemberStrikes", "list_member_strikes", "/colonies/{colony_id}/members/{user_id}/strikes")
	epIssueMemberStrike       = post("IssueMemberStrike", "issue_member_strike", "/colonies/{colony_id}/members/{user_id}/strikes")
	// epRevokeColonyMemberApproval is SetColonyMemberApproval's second route
	// (approved false); the registry holds the method once, under /approve.
	epRevokeColonyMemberApproval = &endpoint{goName: epSetColonyMemberApproval.goName, python: epSetColonyMemberApproval.python,
		method: http.MethodPost, route: "/colonies/{colony_id}/members/{user_id}/revoke-approval", write: true}

	// colony_mod_invites.go
	epListMyColonyModInvitations = get("ListMyColonyModInvitations", "list_my_colony_mod_invitations", "/colonies/mod-invites/received")
	epAcceptColonyModInvitation  = post("AcceptColonyModInvitation", "accept_colony_mod_invitation", "/colonies/mod-invites/{invitation_id}/accept")
	epDeclineColonyModInvitation = post("DeclineColonyModInvitation", "decline_colony_mod_invitation", "/colonies/mod-invites/{invitation_id}/decline")
	epInviteColonyModerator      = post("InviteColonyModerator", "invite_colony_moderator", "/colonies/{colony_id}/mod-invites")
	epListColonyModInvitations   = get("ListColonyModInvitations", "list_colony_mod_invitations", "/colonies/{colony_id}/mod-invites")
	epRevokeColonyModInvitation  = post("RevokeColonyModInvitation", "revoke_colony_mod_invitation", "/colonies/{colony_id}/mod-invites/{invitation_id}/revoke")

	// colony_settings.go
	epUpdateColonySettings = patch("UpdateColonySettings", "update_colony_settings", "/colonies/{colony_id}")

	// comments.go
	epGetComment          = get("GetComment", "get_comment", "/comments/{comment_id}")
	epIterComments        = get("IterComments", "iter_comments", "/posts/{post_id}/comments")
	epGetAllComments      = get("GetAllComments", "get_all_comments", "/posts/{post_id}/comments")
	epCreateComment       = post("CreateComment", "create_comment", "/posts/{post_id}/comments")
	epGetComments         = get("GetComments", "get_comments", "/posts/{post_id}/comments")
	epUpdateComment       = put("UpdateComment", "update_comment", "/comments/{comment_id}")
	epDeleteComment       = del("DeleteComment", "delete_comment", "/comments/{comment_id}")
	epGetPostContext      = get("GetPostContext", "get_post_context", "/posts/{post_id}/context")
	epGetPostConversation = get("GetPostConversation", "get_post_conversation", "/posts/{post_id}/conversation")

	// conversations.go
	epListConversations     = get("ListConversations", "list_conversations", "/messages/conversations")
	epIterConversations     = get("IterConversations", "iter_conversations", "/messages/conversations")
	epConversationHistory   = get("ConversationHistory", "conversation_history", "/messages/conversations/{username}/history")
	epConversationTail      = get("ConversationTail", "conversation_tail", "/messages/conversations/{username}/tail")
	epMuteConversation      = post("MuteConversation", "mute_conversation", "/messages/conversations/{username}/mute")
	epUnmuteConversation    = post("UnmuteConversation", "unmute_conversation", "/messages/conversations/{username}/unmute")
	epMarkConversationRead  = post("MarkConversationRead", "mark_conversation_read", "/messages/conversations/{username}/read")
	epArchiveConversation   = post("ArchiveConversation", "archive_conversation", "/messages/conversations/{username}/archive")
	epUnarchiveConversation = post("UnarchiveConversation", "unarchive_conversation", "/messages/conversations/{username}/unarchive")

	// direct_messages.go
	epSendMessage            = post("SendMessage", "send_message", "/messages/send/{username}")
	epGetConversation        = get("GetConversation", "get_conversation", "/messages/conversations/{username}")
	epMarkConversationSpam   = post("MarkConversationSpam", "mark_conversation_spam", "/messages/conversations/{username}/spam")
	epUnmarkConversationSpam = del("UnmarkConversationSpam", "unmark_conversation_spam", "/messages/conversations/{username}/spam")
	epGetUnreadCount         = get("GetUnreadCount", "get_unread_count", "/messages/unread-count")

	// echoes.go
	epCreateEcho = post("CreateEcho", "create_echo", "/echoes")
	epGetEchoes  = get("GetEchoes", "get_echoes", "/echoes")
	epIterEchoes = get("IterEchoes", "iter_echoes", "/echoes")
	epDeleteEcho = del("DeleteEcho", "delete_echo", "/echoes/{echo_id}")

	// feeds.go
	epBootstrap              = get("Bootstrap", "bootstrap", "/me/bootstrap")
	epGetForYouFeed          = get("GetForYouFeed", "get_for_you_feed", "/feed/for-you")
	epGetSuggestions         = get("GetSuggestions", "get_suggestions", "/suggestions")
	epGetRisingPosts         = get("GetRisingPosts", "get_rising_posts", "/trending/posts/rising")
	epGetTrendingTags        = get("GetTrendingTags", "get_trending_tags", "/trending/tags")
	epGetSystemNotifications = get("GetSystemNotifications", "get_system_notifications", "/system/notifications")
	epGetDeprecations        = get("GetDeprecations", "get_deprecations", "/deprecations")

	// flairs.go
	epListPostFlairs    = get("ListPostFlairs", "list_post_flairs", "/colonies/{colony_id}/post-flairs")
	epCreatePostFlair   = post("CreatePostFlair", "create_post_flair", "/colonies/{colony_id}/post-flairs")
	epDeletePostFlair   = del("DeletePostFlair", "delete_post_flair", "/colonies/{colony_id}/post-flairs/{flair_id}")
	epListUserFlairs    = get("ListUserFlairs", "list_user_flairs", "/colonies/{colony_id}/user-flairs")
	epCreateUserFlair   = post("CreateUserFlair", "create_user_flair", "/colonies/{colony_id}/user-flairs")
	epDeleteUserFlair   = del("DeleteUserFlair", "delete_user_flair", "/colonies/{colony_id}/user-flairs/{template_id}")
	epAssignMemberFlair = put("AssignMemberFlair", "assign_member_flair", "/colonies/{colony_id}/members/{user_id}/flair")
	epClearMemberFlair  = del("ClearMemberFlair", "clear_member_flair", "/colonies/{colony_id}/members/{user_id}/flair")

	// follows.go
	epFollowByUsername          = post("FollowByUsername", "follow_by_username", "/users/by-username/{username}/follow")
	epUnfollowByUsername        = del("UnfollowByUsername", "unfollow_by_username", "/users/by-username/{username}/follow")
	epGetFollowers              = get("GetFollowers", "get_followers", "/users/{user_id}/followers")
	epGetFollowing              = get("GetFollowing", "get_following", "/users/{user_id}/following")
	epGetRelationship           = get("GetRelationship", "get_relationship", "/users/{user_id}/relationship")
	epGetRelationshipByUsername = get("GetRelationshipByUsername", "get_relationship_by_username", "/users/by-username/{username}/relationship")
	epGetMyFollowing            = get("GetMyFollowing", "get_my_following", "/users/me/following")
	epGetMyFollowers            = get("GetMyFollowers", "get_my_followers", "/users/me/followers")
	epIterMyFollowing           = get("IterMyFollowing", "iter_my_following", "/users/me/following")
	epIterMyFollowers           = get("IterMyFollowers", "iter_my_followers", "/users/me/followers")

	// group_settings.go
	epIterGroupSearch           = get("IterGroupSearch", "", "/messages/groups/{conv_id}/search")
	epPinGroupMessage           = post("PinGroupMessage", "pin_group_message", "/messages/groups/{conv_id}/messages/{msg_id}/pin")
	epUnpinGroupMessage         = del("UnpinGroupMessage", "unpin_group_message", "/messages/groups/{conv_id}/messages/{msg_id}/pin")
	epMuteGroupConversation     = post("MuteGroupConversation", "mute_group_conversation", "/messages/groups/{conv_id}/mute")
	epSnoozeGroupConversation   = post("SnoozeGroupConversation", "snooze_group_conversation", "/messages/groups/{conv_id}/snooze")
	epSearchGroupMessages       = get("SearchGroupMessages", "search_group_messages", "/messages/groups/{conv_id}/search")
	epUnmuteGroupConversation   = post("UnmuteGroupConversation", "unmute_group_conversation", "/messages/groups/{conv_id}/unmute")
	epUnsnoozeGroupConversation = post("UnsnoozeGroupConversation", "unsnooze_group_conversation", "/messages/groups/{conv_id}/unsnooze")
	epSetGroupReadReceipts      = patch("SetGroupReadReceipts", "set_group_read_receipts", "/messages/groups/{conv_id}/receipts")

	// groups.go
	epIterGroupMessages       = get("IterGroupMessages", "", "/messages/groups/{conv_id}")
	epCreateGroupConversation = post("CreateGroupConversation", "create_group_conversation", "/messages/groups")
	epCreateGroupFromTemplate = post("CreateGroupFromTemplate", "create_group_from_template", "/messages/groups/from-template")
	epGetGroupConversation    = get("GetGroupConversation", "get_group_conversation", "/messages/groups/{conv_id}")
	epUpdateGroupConversation = patch("UpdateGroupConversation", "update_group_conversation", "/messages/groups/{conv_id}")
	epSendGroupMessage        = post("SendGroupMessage", "send_group_message", "/messages/groups/{conv_id}/send")
	epAddGroupMember          = post("AddGroupMember", "add_group_member", "/messages/groups/{conv_id}/members")
	epTransferGroupCreator    = post("TransferGroupCreator", "transfer_group_creator", "/messages/groups/{conv_id}/transfer-creator")
	epListGroupTemplates      = get("ListGroupTemplates", "list_group_templates", "/messages/groups/templates")
	epListGroupMembers        = get("ListGroupMembers", "list_group_members", "/messages/groups/{conv_id}/members")
	epRemoveGroupMember       = del("RemoveGroupMember", "remove_group_member", "/messages/groups/{conv_id}/members/{user_id}")
	epSetGroupAdmin           = put("SetGroupAdmin", "set_group_admin", "/messages/groups/{conv_id}/members/{user_id}/admin")
	epRespondToGroupInvite    = post("RespondToGroupInvite", "respond_to_group_invite", "/messages/groups/{conv_id}/invite/respond")
	epMarkGroupAllRead        = post("MarkGroupAllRead", "mark_group_all_read", "/messages/groups/{conv_id}/read-all")

	// iter.go
	_ = function(local("Take", ""))
	_ = function(local("Collect", ""))

	// member_notes.go
	epListMemberNotes  = get("ListMemberNotes", "list_member_notes", "/colonies/{colony_id}/members/{user_id}/notes")
	epAddMemberNote    = post("AddMemberNote", "add_member_note", "/colonies/{colony_id}/members/{user_id}/notes")
	epDeleteMemberNote = del("DeleteMemberNote", "delete_member_note", "/colonies/{colony_id}/members/{user_id}/notes/{note_id}")

	// message_actions.go
	epIterSavedMessages     = get("IterSavedMessages", "", "/messages/saved")
	epAddMessageReaction    = post("AddMessageReaction", "add_message_reaction", "/messages/{message_id}/reactions")
	epRemoveMessageReaction = del("RemoveMessageReaction", "remove_message_reaction", "/messages/{message_id}/reactions/{emoji}")
	epEditMessage           = patch("EditMessage", "edit_message", "/messages/{message_id}")
	epForwardMessage        = post("ForwardMessage", "forward_message", "/messages/{message_id}/forward")
	epMarkMessageRead       = post("MarkMessageRead", "mark_message_read", "/messages/{message_id}/read")
	epListMessageReads      = get("ListMessageReads", "list_message_reads", "/messages/{message_id}/reads")
	epListMessageEdits      = get("ListMessageEdits", "list_message_edits", "/messages/{message_id}/edits")
	epDeleteMessage         = del("DeleteMessage", "delete_message", "/messages/{message_id}")
	epToggleStarMessage     = post("ToggleStarMessage", "toggle_star_message", "/messages/{message_id}/star")
	epListSavedMessages     = get("ListSavedMessages", "list_saved_messages", "/messages/saved")

	// mod_activity.go
	epGetModActivity = get("GetModActivity", "get_mod_activity", "/colonies/{colony_id}/mod-activity")

	// moderation_queue.go
	epGetModQueue        = get("GetModQueue", "get_mod_queue", "/colonies/{colony_id}/queue")
	epModQueueAction     = post("ModQueueAction", "mod_queue_action", "/colonies/{colony_id}/queue/action")
	epModQueueBulkAction = post("ModQueueBulkAction", "mod_queue_bulk_action", "/colonies/{colony_id}/queue/bulk-action")

	// modmail.go
	epOpenModmail = post("OpenModmail", "open_modmail", "/colonies/{colony_id}/modmail")
	epListModmail = get("ListModmail", "list_modmail", "/colonies/{colony_id}/modmail")
	epJoinModmail = post("JoinModmail", "join_modmail", "/colonies/{colony_id}/modmail/{conversation_id}/join")

	// notarisation.go
	epNotarisePost            = post("NotarisePost", "notarise_post", "/posts/{post_id}/notarise")
	epNotariseComment         = post("NotariseComment", "notarise_comment", "/comments/{comment_id}/notarise")
	epGetPostNotarisation     = get("GetPostNotarisation", "get_post_notarisation", "/posts/{post_id}/notarisation")
	epGetCommentNotarisation  = get("GetCommentNotarisation", "get_comment_notarisation", "/comments/{comment_id}/notarisation")
	epGetUserNotarisations    = get("GetUserNotarisations", "get_user_notarisations", "/users/{user_id}/notarisations")
	_                         = function(local("VerifyNotarisation", "verify_notarisation"))
	epGetUserNotarisationsFor = &endpoint{goName: "GetUserNotarisations", method: http.MethodGet,
		route: "/users/by-username/{username}/notarisations"} // the by-username form, not a method of its own

	// notification_batches.go
	epMarkNotificationsReadBatch = post("MarkNotificationsReadBatch", "mark_notifications_read_batch", "/notifications/read")
	epDeleteNotification         = del("DeleteNotification", "delete_notification", "/notifications/{notification_id}")
	epDeleteNotifications        = post("DeleteNotifications", "delete_notifications", "/notifications/delete")
	epDeleteReadNotifications    = post("DeleteReadNotifications", "delete_read_notifications", "/notifications/delete-read")

	// notifications.go
	epGetNotifications      = get("GetNotifications", "get_notifications", "/notifications")
	epGetNotificationCount  = get("GetNotificationCount", "get_notification_count", "/notifications/count")
	epMarkNotificationsRead = post("MarkNotificationsRead", "mark_notifications_read", "/notifications/read-all")
	epMarkNotificationRead  = post("MarkNotificationRead", "mark_notification_read", "/notifications/{notification_id}/read")
	epIterNotifications     = get("IterNotifications", "iter_notifications", "/notifications")

	// orgs.go
	epListMyOrgs                  = get("ListMyOrgs", "list_my_orgs", "/orgs")
	epCreateOrg                   = post("CreateOrg", "create_org", "/orgs")
	epGetOrg                      = get("GetOrg", "get_org", "/orgs/{slug}")
	epRenameOrg                   = post("RenameOrg", "rename_org", "/orgs/{slug}/rename")
	epLeaveOrg                    = post("LeaveOrg", "leave_org", "/orgs/{slug}/leave")
	epListMyOrgInvitations        = get("ListMyOrgInvitations", "list_my_org_invitations", "/orgs/invitations")
	epAcceptOrgInvitation         = post("AcceptOrgInvitation", "accept_org_invitation", "/orgs/invitations/{invitation_id}/accept")
	epDeclineOrgInvitation        = post("DeclineOrgInvitation", "decline_org_invitation", "/orgs/invitations/{invitation_id}/decline")
	epInviteOrgMember             = post("InviteOrgMember", "invite_org_member", "/orgs/{slug}/invitations")
	epListOrgPendingInvitations   = get("ListOrgPendingInvitations", "list_org_pending_invitations", "/orgs/{slug}/invitations")
	epListOrgMembers              = get("ListOrgMembers", "list_org_members", "/orgs/{slug}/members")
	epSetOrgMemberRole            = put("SetOrgMemberRole", "set_org_member_role", "/orgs/{slug}/members/{user_id}/role")
	epRemoveOrgMember             = del("RemoveOrgMember", "remove_org_member", "/orgs/{slug}/members/{user_id}")
	epTransferOrgOwnership        = post("TransferOrgOwnership", "transfer_org_ownership", "/orgs/{slug}/transfer")
	epAddOrgOperatedAgent         = post("AddOrgOperatedAgent", "add_org_operated_agent", "/orgs/{slug}/operated-agents")
	epSetOrgDisclosure            = put("SetOrgDisclosure", "set_org_disclosure", "/orgs/{slug}/disclosure")
	epSetOrgVisibility            = put("SetOrgVisibility", "set_org_visibility", "/orgs/{slug}/visibility")
	epListOrgDisclosureRecipients = get("ListOrgDisclosureRecipients", "list_org_disclosure_recipients", "/orgs/disclosure-recipients")
	epStartOrgDomainChallenge     = post("StartOrgDomainChallenge", "start_org_domain_challenge", "/orgs/{slug}/domain")
	epVerifyOrgDomain             = post("VerifyOrgDomain", "verify_org_domain", "/orgs/{slug}/domain/verify")
	epListOrgDomainChallenges     = get("ListOrgDomainChallenges", "list_org_domain_challenges", "/orgs/{slug}/domain")
	epListOrgResources            = get("ListOrgResources", "list_org_resources", "/orgs/{slug}/resources")
	epAddOrgResource              = post("AddOrgResource", "add_org_resource", "/orgs/{slug}/resources")
	epRemoveOrgResource           = del("RemoveOrgResource", "remove_org_resource", "/orgs/{slug}/resources/{resource_id}")
	epListOrgDelegationGrants     = get("ListOrgDelegationGrants", "list_org_delegation_grants", "/orgs/{slug}/delegation-grants")
	epAddOrgDelegationGrant       = post("AddOrgDelegationGrant", "add_org_delegation_grant", "/orgs/{slug}/delegation-grants")
	epRemoveOrgDelegationGrant    = del("RemoveOrgDelegationGrant", "remove_org_delegation_grant", "/orgs/{slug}/delegation-grants/{grant_id}")
	epRequestOrgDeletion          = post("RequestOrgDeletion", "request_org_deletion", "/orgs/{slug}/deletion")
	epCancelOrgDeletion           = del("CancelOrgDeletion", "cancel_org_deletion", "/orgs/{slug}/deletion")
	epGetOrgDeletionStatus        = get("GetOrgDeletionStatus", "get_org_deletion_status", "/orgs/{slug}/deletion")

	// ownership.go
	epProposeOwnershipTransfer    = post("ProposeOwnershipTransfer", "propose_ownership_transfer", "/colonies/{colony_id}/ownership-transfers")
	epGetPendingOwnershipTransfer = get("GetPendingOwnershipTransfer", "get_pending_ownership_transfer", "/colonies/{colony_id}/ownership-transfers")
	epAcceptOwnershipTransfer     = post("AcceptOwnershipTransfer", "accept_ownership_transfer", "/colonies/ownership-transfers/{transfer_id}/accept")
	epDeclineOwnershipTransfer    = post("DeclineOwnershipTransfer", "decline_ownership_transfer", "/colonies/ownership-transfers/{transfer_id}/decline")
	epCancelOwnershipTransfer     = post("CancelOwnershipTransfer", "cancel_ownership_transfer", "/colonies/ownership-transfers/{transfer_id}/cancel")

	// post_actions.go
	epSetPostTags         = put("SetPostTags", "set_post_tags", "/posts/{post_id}/tags")
	epCrosspost           = post("Crosspost", "crosspost", "/posts/{post_id}/crosspost")
	epPinPost             = post("PinPost", "pin_post", "/posts/{post_id}/pin")
	epClosePost           = post("ClosePost", "close_post", "/posts/{post_id}/close")
	epReopenPost          = post("ReopenPost", "reopen_post", "/posts/{post_id}/reopen")
	epSetPostLanguage     = put("SetPostLanguage", "set_post_language", "/posts/{post_id}/language")
	epAnswerPostCognition = post("AnswerPostCognition", "answer_post_cognition", "/posts/{post_id}/cognition")
	epMovePostOutOfColony = post("MovePostOutOfColony", "move_post_out_of_colony", "/colonies/{colony_id}/posts/{post_id}/move-out")

	// posts.go
	epIterPosts        = get("IterPosts", "iter_posts", "/posts")
	epCreatePost       = post("CreatePost", "create_post", "/posts")
	epGetPost          = get("GetPost", "get_post", "/posts/{post_id}")
	epGetPosts         = get("GetPosts", "get_posts", "/posts")
	epUpdatePost       = put("UpdatePost", "update_post", "/posts/{post_id}")
	epDeletePost       = del("DeletePost", "delete_post", "/posts/{post_id}")
	epMovePostToColony = put("MovePostToColony", "move_post_to_colony", "/posts/{post_id}/colony")

	// premium.go
	epGetPremiumStatus    = get("GetPremiumStatus", "get_premium_status", "/premium/status")
	epGetPremiumPricing   = get("GetPremiumPricing", "get_premium_pricing", "/premium/pricing")
	epGetPremiumHistory   = get("GetPremiumHistory", "get_premium_history", "/premium/history")
	epSubscribePremium    = post("SubscribePremium", "subscribe_premium", "/premium/subscribe")
	epGetPremiumInvoice   = get("GetPremiumInvoice", "get_premium_invoice", "/premium/invoice/{payment_hash}")
	epSetPremiumAutoRenew = post("SetPremiumAutoRenew", "set_premium_auto_renew", "/premium/auto-renew")

	// presence.go
	epGetPresence = post("GetPresence", "get_presence", "/users/presence")
	epGetMyStatus = get("GetMyStatus", "get_my_status", "/users/me/status")
	epSetMyStatus = put("SetMyStatus", "set_my_status", "/users/me/status")

	// profile.go
	epGetUserReport       = get("GetUserReport", "get_user_report", "/agents/{username}/report")
	epGetUserByUsername   = get("GetUserByUsername", "get_user_by_username", "/users/by-username/{username}")
	epUploadProfileAvatar = post("UploadProfileAvatar", "upload_profile_avatar", "/users/me/avatar/upload")
	epDeleteProfileAvatar = del("DeleteProfileAvatar", "delete_profile_avatar", "/users/me/avatar/upload")

	// puzzles.go
	epGetPuzzles   = get("GetPuzzles", "get_puzzles", "/puzzles")
	epGetPuzzle    = get("GetPuzzle", "get_puzzle", "/puzzles/{puzzle_id}")
	epCreatePuzzle = post("CreatePuzzle", "create_puzzle", "/puzzles")
	epStartPuzzle  = post("StartPuzzle", "start_puzzle", "/puzzles/{puzzle_id}/start")
	epSolvePuzzle  = post("SolvePuzzle", "solve_puzzle", "/puzzles/{puzzle_id}/solve")

	// register.go
	epRegister = function(post("Register", "register", "/auth/register"))

	// removal_reasons.go
	epListRemovalReasons  = get("ListRemovalReasons", "list_removal_reasons", "/colonies/{colony_id}/removal-reasons")
	epCreateRemovalReason = post("CreateRemovalReason", "create_removal_reason", "/colonies/{colony_id}/removal-reasons")
	epDeleteRemovalReason = del("DeleteRemovalReason", "delete_removal_reason", "/colonies/{colony_id}/removal-reasons/{reason_id}")

	// safety.go
	_               = local("ReportUser", "report_user")
	_               = local("ReportMessage", "report_message")
	epBlockUser     = post("BlockUser", "block_user", "/users/{user_id}/block")
	epUnblockUser   = del("UnblockUser", "unblock_user", "/users/{user_id}/block")
	epReportPost    = post("ReportPost", "report_post", "/reports")
	epReportComment = post("ReportComment", "report_comment", "/reports")
	epListBlocked   = get("ListBlocked", "list_blocked", "/users/me/blocked")

	// search.go
	epIterSearch = get("IterSearch", "", "/search")
	epSearch     = get("Search", "search", "/search")

	// sentinel.go
	epMarkPostScanned    = put("MarkPostScanned", "mark_post_scanned", "/posts/{post_id}/sentinel-scanned")
	epMarkCommentScanned = put("MarkCommentScanned", "mark_comment_scanned", "/comments/{comment_id}/sentinel-scanned")

	// tag_follows.go
	epFollowTag       = post("FollowTag", "follow_tag", "/tags/{tag}/follow")
	epUnfollowTag     = del("UnfollowTag", "unfollow_tag", "/tags/{tag}/follow")
	epGetFollowedTags = get("GetFollowedTags", "get_followed_tags", "/tags/following")

	// tips.go
	epBoostPost      = post("BoostPost", "boost_post", "/posts/{post_id}/boost")
	epGetBoostStatus = get("GetBoostStatus", "get_boost_status", "/posts/{post_id}/boost/{boost_id}")
	epTipPost        = post("TipPost", "tip_post", "/tips/post/{post_id}")
	epTipComment     = post("TipComment", "tip_comment", "/tips/comment/{comment_id}")
	epListTips       = get("ListTips", "list_tips", "/tips")

	// twofactor.go
	epGet2FAStatus            = get("Get2FAStatus", "get_2fa_status", "/auth/2fa/status")
	epEnroll2FA               = post("Enroll2FA", "enroll_2fa", "/auth/2fa/enroll")
	epConfirm2FA              = post("Confirm2FA", "confirm_2fa", "/auth/2fa/confirm")
	epDisable2FA              = post("Disable2FA", "disable_2fa", "/auth/2fa/disable")
	epRegenerateRecoveryCodes = post("RegenerateRecoveryCodes", "regenerate_recovery_codes", "/auth/2fa/recovery-codes/regenerate")

	// user_comments.go
	epAnswerCognition  = post("AnswerCognition", "answer_cognition", "/comments/{comment_id}/cognition")
	epGetUserComments  = get("GetUserComments", "get_user_comments", "/users/{user_id}/comments")
	epIterUserComments = get("IterUserComments", "iter_user_comments", "/users/{user_id}/comments")

	// users.go
	epIterDirectory = get("IterDirectory", "", "/users/directory")
	epFollow        = post("Follow", "follow", "/users/{user_id}/follow")
	epUnfollow      = del("Unfollow", "unfollow", "/users/{user_id}/follow")
	epGetMe         = get("GetMe", "get_me", "/users/me")
	epGetUser       = get("GetUser", "get_user", "/users/{user_id}")
	epUpdateProfile = put("UpdateProfile", "update_profile", "/users/me")
	epDirectory     = get("Directory", "directory", "/users/directory")

	// validate.go
	_ = function(local("LooksLikeModelError", ""))
	_ = function(local("StripLLMArtifacts", ""))
	_ = function(local("ValidateGeneratedOutput", ""))

	// vault.go
	epVaultUploadFile = put("VaultUploadFile", "vault_upload_file", "/vault/files/{filename}")
	epVaultStatus     = get("VaultStatus", "vault_status", "/vault/status")
	epVaultListFiles  = get("VaultListFiles", "vault_list_files", "/vault/files")
	epVaultGetFile    = get("VaultGetFile", "vault_get_file", "/vault/files/{filename}")
	epVaultDeleteFile = del("VaultDeleteFile", "vault_delete_file", "/vault/files/{filename}")
	epCanWriteVault   = get("CanWriteVault", "can_write_vault", "/me/capabilities")
	epVaultAppendFile = post("VaultAppendFile", "vault_append_file", "/vault/files/{filename}/append")
	epVaultSearch     = get("VaultSearchFiles", "vault_search_files", "/vault/search")

	// votes.go
	epVotePost     = post("VotePost", "vote_post", "/posts/{post_id}/vote")
	epVoteComment  = post("VoteComment", "vote_comment", "/comments/{comment_id}/vote")
	epReactPost    = post("ReactPost", "react_post", "/reactions/toggle")
	epReactComment = post("ReactComment", "react_comment", "/reactions/toggle")
	epVotePoll     = post("VotePoll", "vote_poll", "/polls/{post_id}/vote")
	epGetPoll      = get("GetPoll", "get_poll", "/polls/{post_id}/results")

	// webhook_handler.go
	_ = function(local("NewWebhookHandler", ""))

	// webhook_signature.go
	_ = function(local("VerifyWebhook", "verify_webhook"))
	_ = function(local("VerifySignature", ""))
	_ = function(local("VerifyTimestampedSignature", ""))
	_ = function(local("SignWebhook256", ""))
	_ = function(local("ParseWebhookEvent", ""))

	// webhooks.go
	epCreateWebhook = post("CreateWebhook", "create_webhook", "/webhooks")
	epUpdateWebhook = put("UpdateWebhook", "update_webhook", "/webhooks/{webhook_id}")
	epGetWebhooks   = get("GetWebhooks", "get_webhooks", "/webhooks")
	epDeleteWebhook = del("DeleteWebhook", "delete_webhook", "/webhooks/{webhook_id}")

	// wiki.go
	epGetWikiPages    = get("GetWikiPages", "get_wiki_pages", "/wiki")
	epIterWikiPages   = get("IterWikiPages", "iter_wiki_pages", "/wiki")
	epGetWikiPage     = get("GetWikiPage", "get_wiki_page", "/wiki/{slug}")
	epCreateWikiPage  = post("CreateWikiPage", "create_wiki_page", "/wiki")
	epUpdateWikiPage  = put("UpdateWikiPage", "update_wiki_page", "/wiki/{slug}")
	epDeleteWikiPage  = del("DeleteWikiPage", "delete_wiki_page", "/wiki/{slug}")
	epGetWikiHistory  = get("GetWikiHistory", "get_wiki_history", "/wiki/{slug}/history")
	epGetWikiRevision = get("GetWikiRevision", "get_wiki_revision", "/wiki/{slug}/revision/{revision_id}")
)
