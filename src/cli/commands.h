/* commands.h: every command's entry point (cmd_*.c), listed in commands.c. */
#ifndef DYAD_CLI_COMMANDS_H
#define DYAD_CLI_COMMANDS_H

#include "cli/cli.h"

#define CMD(name) int name(const struct cli_global *g, struct cli_args *a, struct app *app)
CMD(cmd_init);
CMD(cmd_demo);
CMD(cmd_import);
CMD(cmd_export);
CMD(cmd_backup);
CMD(cmd_restore);
CMD(cmd_doctor);
CMD(cmd_family_add);
CMD(cmd_family_show);
CMD(cmd_family_list);
CMD(cmd_caseload);
CMD(cmd_person_add);
CMD(cmd_person_birth);
CMD(cmd_person_loss);
CMD(cmd_referral_reopen);
CMD(cmd_practitioner_add);
CMD(cmd_practitioner_list);
CMD(cmd_referral_add);
CMD(cmd_referral_list);
CMD(cmd_referral_show);
CMD(cmd_referral_check);
CMD(cmd_referral_triage);
CMD(cmd_referral_move);
CMD(cmd_referral_history);
CMD(cmd_waiting);
CMD(cmd_interventions_list);
CMD(cmd_careplan_add);
CMD(cmd_careplan_move);
CMD(cmd_careplan_list);
CMD(cmd_video_start);
CMD(cmd_video_link);
CMD(cmd_video_list);
CMD(cmd_group_add);
CMD(cmd_group_enrol);
CMD(cmd_group_wait);
CMD(cmd_group_session);
CMD(cmd_group_list);
CMD(cmd_group_show);
CMD(cmd_group_waiting);
CMD(cmd_report_waiting);
CMD(cmd_report_outcomes);
CMD(cmd_report_completeness);
CMD(cmd_report_safeguarding);
CMD(cmd_report_activity);
CMD(cmd_report_quarterly);
CMD(cmd_contact_add);
CMD(cmd_contact_list);
CMD(cmd_safeguarding_set);
CMD(cmd_safeguarding_history);
CMD(cmd_discharge);
CMD(cmd_measure_record);
CMD(cmd_measure_acknowledge);
CMD(cmd_measure_list);
CMD(cmd_risks);
CMD(cmd_pregnancies_overdue);
CMD(cmd_score);
CMD(cmd_instruments_list);
CMD(cmd_instruments_show);
CMD(cmd_instruments_load_text);
CMD(cmd_instruments_load_table);
CMD(cmd_measures_rescore);
CMD(cmd_measures_change);
CMD(cmd_goal_add);
CMD(cmd_goal_rate);
CMD(cmd_goal_list);
CMD(cmd_find);
CMD(cmd_note_add);
CMD(cmd_note_edit);
CMD(cmd_note_sign);
CMD(cmd_note_addendum);
CMD(cmd_note_error);
CMD(cmd_note_list);
CMD(cmd_note_show);
CMD(cmd_serve);
CMD(cmd_user_add);
CMD(cmd_user_demo);
CMD(cmd_user_passwd);
CMD(cmd_user_disable);
CMD(cmd_user_list);
CMD(cmd_session_list);
CMD(cmd_session_revoke);
CMD(cmd_token_create);
CMD(cmd_team_add);
CMD(cmd_audit_verify);
CMD(cmd_audit_show);
#undef CMD

#endif
