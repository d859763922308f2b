#pragma once

#include <QLoggingCategory>

namespace inkwell::app {
Q_DECLARE_LOGGING_CATEGORY(lcSpelling)
}
