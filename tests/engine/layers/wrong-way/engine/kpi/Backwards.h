// Not built: the engine_includes_wrong_way test checks this tree and expects
// the check to name line 6, the KPI folder reaching into the nightly run that
// its library does not link.
#pragma once

#include "engine/nightly/NightlyRun.h"
