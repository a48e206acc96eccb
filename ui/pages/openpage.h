// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/steppage.h"

#include <QElapsedTimer>

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;

namespace sluice {

class ImportSession;
class OpenPreviewPanel;
class Prompter;

// Step 1, Open: a file from the dialog or a drop, the sheet (hidden sheets marked), the header row
// picked on a live preview, CSV options (encoding, delimiter, quote) that re-read the preview as
// they change, progress and Cancel while a big file loads, and a clear error for a bad file.
// The file's choices and the preview are an OpenPreviewPanel; the page runs the loading.
class OpenPage : public StepPage
{
    Q_OBJECT

public:
    OpenPage(ImportSession &session, Prompter &prompter, QWidget *parent = nullptr);
    ~OpenPage() override;

    // Asks for a file with the dialog; then as openFile.
    void chooseFile();
    // Opens path (a drop, a recent file, the command line).
    void openFile(const QString &path);
    // Stops reading a big file; the page is then incomplete until a file is read.
    void cancelLoading();
    // The row selected in the preview becomes the header row.
    void useSelectedRowAsHeader();

    bool isComplete() const override;
    QString incompleteReason() const override;
    void enter() override;

Q_SIGNALS:
    // A file was read without error: for the recent files list.
    void fileOpened(const QString &path);

private:
    enum class State { Empty, Loading, Loaded, Failed, Cancelled };

    QWidget *createTopBar();
    QFrame *createErrorPanel();
    QWidget *createProgressRow();
    void setTabOrders();
    void connectSession();

    void beginLoading();
    void rereadWithChoices();
    void showLoadProgress(qint64 bytesDone, qint64 bytesTotal, qsizetype rowsRead);
    void showOpened();
    void showLoaded();
    void showFailure(const QString &reason);
    // symbol: a sign in front, so the kind of message does not rest on colour.
    void showErrorPanel(const QString &symbol, const QString &title, const QString &reason);
    void showLayout();
    void refreshFileDetails();
    void refreshVisibility();
    void updateComplete();

    ImportSession &m_session;
    Prompter &m_prompter;
    State m_state = State::Empty;
    bool m_fileListed = false;  // the current file's sheets are known: its choices make sense
    bool m_newFile = false;     // the load under way is a file just opened, not a re-read
    bool m_wasComplete = false; // what completeChanged last said
    QString m_lastReason;
    QElapsedTimer m_loadTimer;

    QPushButton *m_chooseButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_dropHint = nullptr;
    QFrame *m_errorPanel = nullptr;
    QLabel *m_errorSymbol = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_errorChooseButton = nullptr;
    OpenPreviewPanel *m_panel = nullptr; // the file's choices and the preview
    QWidget *m_progressRow = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_welcome = nullptr;
};

} // namespace sluice
