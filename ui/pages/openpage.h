// SPDX-License-Identifier: MIT
#pragma once

#include "ui/pages/steppage.h"

#include <QElapsedTimer>

class QComboBox;
class QFrame;
class QGroupBox;
class QIdentityProxyModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace sluice {

class ImportSession;
class Prompter;
class SheetPreviewModel;
struct CsvOptions;

// Step 1, Open: a file from the dialog or a drop, the sheet (hidden sheets marked), the header row
// picked on a live preview, CSV options (encoding, delimiter, quote) that re-read the preview as
// they change, progress and Cancel while a big file loads, and a clear error for a bad file.
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
    QWidget *createChoices();
    QGroupBox *createCsvOptions();
    QWidget *createProgressRow();
    void setTabOrders();
    void connectSession();

    void beginLoading();
    void rereadWithChoices();
    CsvOptions chosenCsvOptions() const;
    void resetCsvChoices();
    void showLoadProgress(qint64 bytesDone, qint64 bytesTotal, qsizetype rowsRead);
    void showLoaded();
    void showFailure(const QString &reason);
    // symbol: a sign in front, so the kind of message does not rest on colour.
    void showErrorPanel(const QString &symbol, const QString &title, const QString &reason);
    void showLayout();
    void showPreviewMenu(const QPoint &position);
    void refreshFileDetails();
    void refreshDetectedDialect();
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

    SheetPreviewModel *m_model;
    QIdentityProxyModel *m_styledModel;
    QPushButton *m_chooseButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_dropHint = nullptr;
    QFrame *m_errorPanel = nullptr;
    QLabel *m_errorSymbol = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_errorChooseButton = nullptr;
    QWidget *m_choices = nullptr;
    QComboBox *m_sheetCombo = nullptr;
    QSpinBox *m_headerRowSpin = nullptr;
    QPushButton *m_useHeaderButton = nullptr;
    QLabel *m_headerInfo = nullptr;
    QGroupBox *m_csvOptions = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QComboBox *m_delimiterCombo = nullptr;
    QComboBox *m_quoteCombo = nullptr;
    QTableView *m_preview = nullptr;
    QWidget *m_progressRow = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_welcome = nullptr;
};

} // namespace sluice
