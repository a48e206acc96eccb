// SPDX-License-Identifier: MIT
#include "models/mapping/synonyms.h"

#include "models/mapping/headernormaliser.h"

#include <QHash>

#include <algorithm>

namespace sluice {

namespace {

struct Entry
{
    const char *attribute;
    const char *phrases; // separated by ';'
};

// Only what the words of the attribute name do not already give: "Order Date" needs no entry
// for order_date, "Auftragsdatum" does. Keep each phrase to one attribute per resource; the
// same phrase may serve attributes that never share a resource (order_id, order_number).
constexpr Entry Table[] = {
    {"order_id",
     "order no; order #; order number; order nr; order ref; order reference; sales order; "
     "document number; doc no; "
     "so number; so no; so; auftragsnummer; auftragsnr; auftrag; auftrags nr; bestellnummer; "
     "commande; "
     "n commande; numero de commande; numero commande; pedido; numero de pedido; num pedido"},
    {"order_line_id",
     "line; line #; line no; line number; order line; line item; item line; pos; position; "
     "pos nr; positionsnummer; ligne; n ligne; linea; numero de linea"},
    {"order_number",
     "order no; order #; order id; order nr; po; po number; po no; po #; purchase order; "
     "transfer no; transfer number; mo number; work order; bestellnummer; bestellnr; bestellung; "
     "numero de commande; numero de pedido"},
    {"ordered_units",
     "qty; quantity; units; order qty; order quantity; ordered qty; qty ordered; "
     "quantity ordered; pieces; pcs; menge; bestellmenge; anzahl; stuck; quantite; "
     "qte commandee; cantidad; cantidad pedida"},
    {"shipped_units",
     "shipped qty; qty shipped; shipped quantity; delivered qty; qty delivered; "
     "quantity fulfilled; qty fulfilled; fulfilled qty; "
     "liefermenge; gelieferte menge; quantite expediee; cantidad enviada"},
    {"ordered_value",
     "order value; value; amount; order amount; line value; net value; total; line total; "
     "betrag; wert; auftragswert; montant; importe; valor"},
    {"shipped_value", "shipped amount; delivered value; value shipped"},
    {"product_id",
     "sku; item; article; item no; item number; item code; product code; product no; "
     "product number; material; material no; part; part no; part number; ean; artikel; "
     "artikelnummer; artikelnr; art nr; matnr; reference; code article; article code; articulo; "
     "referencia; codigo; codigo producto"},
    {"location_id",
     "site; warehouse; dc; plant; store; store no; branch; depot; location code; whse; "
     "werk; lager; lagerort; filiale; entrepot; magasin; usine; almacen; tienda; sucursal"},
    {"customer_id",
     "cust; customer; customer no; customer number; customer code; client; client id; "
     "account; account no; sold to; kunde; kundennummer; kundennr; kunden nr; kdnr; n client; "
     "numero client; cliente; numero de cliente"},
    {"customer_name",
     "client name; account name; kundenname; nom client; nombre cliente; razon social"},
    {"customer_category", "customer group; customer type; segment; kundengruppe"},
    {"customer_subcategory", "sub segment; customer subgroup; customer subtype; untergruppe"},
    {"customer_price_list_id", "price list; pricelist; preisliste"},
    {"order_date",
     "date; ordered on; order placed; po date; auftragsdatum; bestelldatum; date commande; "
     "fecha pedido; fecha"},
    {"requested_ship_date",
     "requested date; requested delivery date; customer requested date; crd; want date; "
     "wunschtermin; wunschdatum; date souhaitee; fecha solicitada"},
    {"expected_ship_date",
     "promised date; promise date; planned ship date; confirmed date; scheduled ship date; "
     "esd; liefertermin; date prevue; fecha prevista"},
    {"actual_ship_date",
     "ship date; shipped; shipped date; shipped on; date shipped; dispatch date; goods issue date; "
     "versanddatum; warenausgang; date expedition; fecha envio"},
    {"updated_at",
     "last updated; updated; last modified; modified; modified on; changed; changed on; "
     "last change; update date; timestamp; geandert am; anderungsdatum; date de mise a jour; "
     "date modification; fecha actualizacion; fecha modificacion"},
    {"created_at",
     "created; created on; creation date; date created; erstellt am; erstelldatum; "
     "date creation; fecha creacion"},
    {"status", "state; order status; line status; zustand; statut; estado"},
    {"order_line_status", "status; line status; po status; state"},
    {"quote_status", "status; outcome; win loss; won lost"},
    {"product_name",
     "item name; article name; name; artikelname; bezeichnung; libelle; nom produit; "
     "nombre producto; designation"},
    {"product_description",
     "description; item description; long description; beschreibung; langtext; "
     "description article; descripcion"},
    {"product_category",
     "category; product group; item group; material group; article group; artikelgruppe; "
     "warengruppe; produktgruppe; famille; categorie; "
     "categoria; familia"},
    {"location_name", "name; site name; store name; warehouse name; standort; nom site"},
    {"country", "country code; land; pays; pais; ctry"},
    {"is_store", "store flag; is shop; retail store"},
    {"is_dc", "dc flag; distribution center; distribution centre; is warehouse"},
    {"is_factory", "factory flag; is plant; manufacturing site"},
    {"pack_size",
     "pack; case size; case qty; pack qty; inner pack; units per case; vpe; "
     "packungsgrosse; colisage; unidades por caja"},
    {"minimum_order_quantity", "moq; min order qty; min qty; mindestbestellmenge"},
    {"minimum_order_value", "mov; min order value"},
    {"source_id", "source; supplier; vendor; supplier id; vendor id; lieferant; fournisseur"},
    {"supplier_id",
     "supplier; vendor; vendor no; supplier no; vendor id; lieferant; lieferantennummer; "
     "fournisseur; proveedor"},
    {"supplier_name", "vendor name; lieferantenname; nom fournisseur"},
    {"unit_cost_price", "cost; unit cost; cost price; cogs; einkaufspreis; prix d achat; coste"},
    {"unit_list_price", "list price; price; unit price; rrp; msrp; verkaufspreis; prix; precio"},
    {"day_date", "date; day; business date; datum; jour; fecha"},
    {"available_stock",
     "stock; on hand; soh; stock on hand; qty on hand; available; inventory; bestand; "
     "lagerbestand; stock disponible; existencias"},
    {"sales_units",
     "units sold; qty sold; sold qty; sales qty; absatz; verkaufte menge; unidades vendidas"},
    {"sales_value",
     "sales; revenue; turnover; sales amount; net sales; umsatz; chiffre d affaires; ventas"},
    {"lead_time_days", "lead time; lt; wiederbeschaffungszeit; delai; plazo de entrega"},
    {"review_period_days", "review period; order cycle; review cycle"},
    {"service_level", "target service level; sl; servicegrad; taux de service"},
    {"ordered_at", "order date; ordered on; po date; date ordered; bestelldatum"},
    {"order_due_date", "due date; delivery date; need by date; required date; liefertermin"},
    {"receipted_at", "received date; receipt date; gr date; date received; wareneingang"},
    {"receipted_units", "received qty; qty received; receipt qty; received quantity"},
    {"order_line_value", "line value; value; amount; po value; line amount"},
    {"region_id", "region; region code; area; territory; gebiet"},
    {"price_list_id", "price list; pricelist; preisliste"},
    {"quote_id", "quote; quote no; quotation; quotation no; angebot; devis; cotizacion"},
    {"sold_at", "sale date; sold on; invoice date; verkaufsdatum"},
    {"quantity", "qty; units; menge; cantidad"},
    {"selling_price", "price; sell price; net price; sales price"},
    {"sale_id", "sale; invoice; invoice no; transaction id; receipt no; rechnung"},
    {"merchant_id", "merchant; dealer; reseller; handler"},
    {"project_id", "project; projekt; projet; proyecto"},
    {"currency", "curr; currency code; wahrung; devise; moneda"},
    {"stock_units", "stock; on hand; qty on hand; soh; bestand"},
    {"stock_date_at", "stock date; snapshot date; inventory date"},
    {"expected_delivery_date", "eta; delivery date; expected arrival"},
    {"expected_departure_date", "etd; departure date; planned departure"},
    {"actual_departure_date", "atd; departed on; actual departure"},
};

struct Phrase
{
    QString text;
    QString key; // its stems, joined
};

using Index = QHash<QString, QList<Phrase>>;

const Index &index()
{
    static const Index built = [] {
        Index result;
        for (const Entry &entry : Table) {
            QList<Phrase> &list = result[QString::fromUtf8(entry.attribute)];
            for (const QString &phrase : QString::fromUtf8(entry.phrases).split(u';')) {
                const QString text = phrase.trimmed();
                list.append({text, HeaderNormaliser::stems(text).join(u' ')});
            }
        }
        return result;
    }();
    return built;
}

} // namespace

QString Synonyms::match(QStringView attribute, QStringView header)
{
    const auto found = index().constFind(attribute.toString().toLower());
    if (found == index().cend())
        return {};
    const QString key = HeaderNormaliser::stems(header).join(u' ');
    if (key.isEmpty())
        return {};
    for (const Phrase &phrase : *found) {
        if (phrase.key == key)
            return phrase.text;
    }
    return {};
}

QString Synonyms::partOf(QStringView attribute, QStringView header)
{
    const auto found = index().constFind(attribute.toString().toLower());
    if (found == index().cend())
        return {};
    const QStringList words = HeaderNormaliser::stems(header);
    QString best;
    qsizetype bestLength = 0;
    for (const Phrase &phrase : *found) {
        const QStringList parts = phrase.key.split(u' ');
        const bool contained = std::all_of(
            parts.begin(), parts.end(), [&](const QString &part) { return words.contains(part); });
        const bool specific = std::any_of(parts.begin(), parts.end(),
                                          [](const QString &part) { return !isGeneric(part); });
        if (contained && specific && parts.size() > bestLength) {
            best = phrase.text;
            bestLength = parts.size();
        }
    }
    return best;
}

bool Synonyms::isGeneric(const QString &stem)
{
    static const QStringList generic
        = QStringLiteral("id number cod nam dat at valu unit amount time timestamp day")
              .split(u' ');
    return generic.contains(stem);
}

bool Synonyms::headsConflict(const QStringList &header, const QStringList &attribute)
{
    static const QList<QStringList> classes = {
        QStringLiteral("id number cod reference key").split(u' '),
        QStringLiteral("nam description label").split(u' '),
        QStringLiteral("dat at timestamp time day").split(u' '),
        QStringLiteral("unit quantity stock").split(u' '),
        QStringLiteral("valu amount pric cost").split(u' '),
    };
    const auto classOf = [](const QStringList &stems) -> qsizetype {
        for (qsizetype i = 0; !stems.isEmpty() && i < classes.size(); ++i) {
            if (classes.at(i).contains(stems.back()))
                return i;
        }
        return -1;
    };
    const qsizetype a = classOf(header);
    const qsizetype b = classOf(attribute);
    return a >= 0 && b >= 0 && a != b;
}

QStringList Synonyms::phrases(QStringView attribute)
{
    QStringList result;
    for (const Phrase &phrase : index().value(attribute.toString().toLower()))
        result.append(phrase.text);
    return result;
}

} // namespace sluice
