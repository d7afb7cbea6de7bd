// Who a report is for. The audience decides what may be shown: a public
// report suppresses small cells (suppression.h) and never shows names,
// birth dates or record ids; an internal report (the team's own view) shows
// every count as it is. Neither shows names: ReportData carries none.
#pragma once

namespace uncounted::report {

enum class Audience { kPublic, kInternal };

}  // namespace uncounted::report
