/* app_loss.h: recording a pregnancy loss, a stillbirth or the death of an
 * infant (issue 8 point 5). The loss goes on the infant's record; every
 * open referral that covered only infants now lost ends that day with the
 * reason "bereavement" (both waiting clocks leave the path: neither met nor
 * breached, counted apart), the infant's care status "died"; the pregnancy
 * leaves the overdue list; no further measure about the infant is taken;
 * every view of the family shows it first, in careful words. A referral
 * that also covers a living twin stays open for that twin. */
#ifndef DYAD_APP_LOSS_H
#define DYAD_APP_LOSS_H

#include "app/app.h"

#define LOSS_ENDED_MAX 8

/* What recording a loss did. */
struct loss_result {
	int64_t ended[LOSS_ENDED_MAX]; /* referrals ended, ascending */
	int nended;
	int64_t kept_open[LOSS_ENDED_MAX]; /* open referrals kept for a living infant they also cover */
	int nkept;
};

/* Records a loss of kind (pregnancy_loss, stillbirth, infant_death) on
 * date `on` for infant_id, and ends the open referrals it closes, in one
 * audited transaction (needs clinical write access). A stillbirth of an
 * unborn infant records the date of birth too. others_status is the care
 * status at discharge of the family's other infants (NULL: required only
 * when a referral ends and the family has another infant). risk_action is
 * the action taken on any risk flag still open on a referral that ends
 * (refused without it, as a discharge is). Errors name the field: "kind",
 * "date", "person", "care-status", "risk-action". */
int app_infant_loss(struct app *a, int64_t infant_id, const char *kind, int32_t on, const char *others_status,
                    const char *risk_action, struct loss_result *out, struct dy_err *e);

/* Careful words for a loss code, for every view: "pregnancy loss",
 * "stillbirth", "death of the baby"; "" for an unknown code. */
const char *app_loss_words(const char *kind);

#endif
