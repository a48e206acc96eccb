// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QIdentityProxyModel;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace sluice {

class ImportSession;
class SheetPreviewModel;
struct CsvOptions;

// The Open page's view of a listed file and how to read it: the sheet, the CSV options
// (encoding, delimiter, quote; "Auto" says what it found), the header row (a spin box, the
// selected row or the preview's context menu) and the live preview, where the header row is bold
// and tinted in the palette's colours and rows left out are dimmed. Picking a header row goes
// straight to the session; a changed sheet or CSV option asks the page to read the file again.
class OpenPreviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OpenPreviewPanel(ImportSession &session, QWidget *parent = nullptr);
    ~OpenPreviewPanel() override;

    // The choices a re-read uses.
    int chosenSheet() const;
    CsvOptions chosenCsvOptions() const;
    void resetCsvChoices();

    // Lists the session's sheets (hidden ones marked, chart sheets disabled).
    void showSheets();
    // What the session detected in a text file, as the "Auto" entries' text.
    void showDetectedDialect();
    // The preview is empty while a file loads and after a failure; header rows can be picked
    // only while it shows the session's table.
    void clearTable();
    void showTable();
    void showLayout();
    // listed: the file's sheets are known, so its choices make sense.
    void refreshControls(bool listed);

    // The row selected in the preview becomes the header row.
    void useSelectedRowAsHeader();
    // The panel's controls in tab order, for the page's tab chain.
    QList<QWidget *> tabOrder() const;

Q_SIGNALS:
    // The user chose another sheet or CSV option: the file wants reading again.
    void rereadRequested();

private:
    QGroupBox *createCsvOptions();
    void createPreview();
    void showPreviewMenu(const QPoint &position);
    bool hasRows() const;
    void refreshUseHeaderButton();

    ImportSession &m_session;
    bool m_tableShown = false; // the preview shows the session's table

    SheetPreviewModel *m_model;
    QIdentityProxyModel *m_styledModel = nullptr;
    QComboBox *m_sheetCombo = nullptr;
    QSpinBox *m_headerRowSpin = nullptr;
    QPushButton *m_useHeaderButton = nullptr;
    QLabel *m_headerInfo = nullptr;
    QGroupBox *m_csvOptions = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QComboBox *m_delimiterCombo = nullptr;
    QComboBox *m_quoteCombo = nullptr;
    QTableView *m_preview = nullptr;
};

} // namespace sluice
