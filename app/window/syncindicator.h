#pragma once

#include "syncengine.h"

#include <QToolButton>

namespace inkwell::app {

/// @brief The status bar's sync state: a coloured mark and the engine's words ("Synced at 10:42", "Offline:
/// retrying in 8 s", "1 conflict to resolve"); clicking it syncs now.
class SyncIndicator : public QToolButton {
    Q_OBJECT
public:
    explicit SyncIndicator(engine::SyncEngine *engine, QWidget *parent = nullptr);

private:
    void update(engine::SyncEngine::Status status);
    engine::SyncEngine *m_engine;
};

} // namespace inkwell::app
