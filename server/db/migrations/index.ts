/**
 * Every migration, by its timestamped file name. Listed statically (not read from the folder) so
 * that migrations load the same way under tsx, Vitest and the built `dist/`. A test fails when a
 * file in this folder is missing here.
 */
import type { Migration } from 'kysely';
import * as m20261121100000 from './20261121100000_foundation.js';
import * as m20261121120000 from './20261121120000_entries.js';
import * as m20261121120442 from './20261121120442_entry_facet_counts.js';
import * as m20261121123000 from './20261121123000_entry_search_text.js';
import * as m20261121130000 from './20261121130000_entry_search_words.js';
import * as m20261121140000 from './20261121140000_reports.js';
import * as m20261121141000 from './20261121141000_reviews.js';
import * as m20261121142000 from './20261121142000_petitions.js';
import * as m20261121143000 from './20261121143000_petition_report_index.js';
import * as m20261205140000 from './20261205140000_multi_process.js';
import * as m20261205160000 from './20261205160000_unit_history.js';
import * as m20261205180000 from './20261205180000_entry_transition_import.js';
import * as m20261205200000 from './20261205200000_work_queue.js';
import * as m20261205210000 from './20261205210000_petition_consent.js';
import * as m20261205240000 from './20261205240000_petition_search.js';
import * as m20261205250000 from './20261205250000_unit_issuing_bodies.js';
import * as m20261205300000 from './20261205300000_report_summaries.js';
import * as m20261205310000 from './20261205310000_list_versions.js';
import * as m20261206100000 from './20261206100000_policy_documents.js';
import * as m20261206110000 from './20261206110000_tasks.js';
import * as m20261206120000 from './20261206120000_working_sessions.js';
import * as m20261206130000 from './20261206130000_reporting_rounds.js';
import * as m20261206140000 from './20261206140000_coordination.js';
import * as m20261206160000 from './20261206160000_leadership_digests.js';
import * as m20261206170000 from './20261206170000_document_reviews.js';
import * as m20261206180000 from './20261206180000_task_report_versions.js';
import * as m20261207100000 from './20261207100000_hotspots.js';
import * as m20261207110000 from './20261207110000_situation_reports.js';
import * as m20261207120000 from './20261207120000_religious_affairs.js';
import * as m20261207130000 from './20261207130000_hotspot_report_versions.js';
import * as m20261207140000 from './20261207140000_religious_report_versions.js';
import * as m20261207200000 from './20261207200000_grassroots_publications.js';
import * as m20261207210000 from './20261207210000_grassroots_supervision.js';
import * as m20261207220000 from './20261207220000_dialogue_rules.js';
import * as m20261207230000 from './20261207230000_grassroots_report_versions.js';
import * as m20261207240000 from './20261207240000_weekly_schedules.js';
import * as m20261208200000 from './20261208200000_publication_files.js';
import * as m20261208210000 from './20261208210000_dialogue_files.js';
import * as m20261208300000 from './20261208300000_grassroots_sources_checked.js';
import * as m20261208310000 from './20261208310000_publication_late_follows_deadline.js';

export const MIGRATIONS: Record<string, Migration> = {
  '20261121100000_foundation': m20261121100000,
  '20261121120000_entries': m20261121120000,
  '20261121120442_entry_facet_counts': m20261121120442,
  '20261121123000_entry_search_text': m20261121123000,
  '20261121130000_entry_search_words': m20261121130000,
  '20261121140000_reports': m20261121140000,
  '20261121141000_reviews': m20261121141000,
  '20261121142000_petitions': m20261121142000,
  '20261121143000_petition_report_index': m20261121143000,
  '20261205140000_multi_process': m20261205140000,
  '20261205160000_unit_history': m20261205160000,
  '20261205180000_entry_transition_import': m20261205180000,
  '20261205200000_work_queue': m20261205200000,
  '20261205210000_petition_consent': m20261205210000,
  '20261205240000_petition_search': m20261205240000,
  '20261205250000_unit_issuing_bodies': m20261205250000,
  '20261205300000_report_summaries': m20261205300000,
  '20261205310000_list_versions': m20261205310000,
  '20261206100000_policy_documents': m20261206100000,
  '20261206110000_tasks': m20261206110000,
  '20261206120000_working_sessions': m20261206120000,
  '20261206130000_reporting_rounds': m20261206130000,
  '20261206140000_coordination': m20261206140000,
  '20261206160000_leadership_digests': m20261206160000,
  '20261206170000_document_reviews': m20261206170000,
  '20261206180000_task_report_versions': m20261206180000,
  '20261207100000_hotspots': m20261207100000,
  '20261207110000_situation_reports': m20261207110000,
  '20261207120000_religious_affairs': m20261207120000,
  '20261207130000_hotspot_report_versions': m20261207130000,
  '20261207140000_religious_report_versions': m20261207140000,
  '20261207200000_grassroots_publications': m20261207200000,
  '20261207210000_grassroots_supervision': m20261207210000,
  '20261207220000_dialogue_rules': m20261207220000,
  '20261207230000_grassroots_report_versions': m20261207230000,
  '20261207240000_weekly_schedules': m20261207240000,
  '20261208200000_publication_files': m20261208200000,
  '20261208210000_dialogue_files': m20261208210000,
  '20261208300000_grassroots_sources_checked': m20261208300000,
  '20261208310000_publication_late_follows_deadline': m20261208310000,
};
