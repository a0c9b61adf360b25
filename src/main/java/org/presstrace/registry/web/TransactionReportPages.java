package org.presstrace.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presstrace.access.AccessContext;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentFilter;
import org.presstrace.registry.Party;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportedItem;
import org.presstrace.registry.Trace;
import org.presstrace.registry.TransactionReportForm;
import org.presstrace.registry.TransactionReportVersion;
import org.presstrace.registry.TransactionReports;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.FormErrors;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A registrant's Form 452-like transaction reports: its list and a form to file an original; one
 * report with its full history, a form to amend it and one to withdraw it.
 */
@Controller
@RequestMapping("/registry/transaction-reports")
class TransactionReportPages implements RecordPage {

  /** The most pages of candidates one serial line reads before it is refused as too loose. */
  static final int SERIAL_PAGES = 5;

  private static final Pattern ITEM_FIELD = Pattern.compile("machines\\[(\\d+)]\\.?.*");

  private final TransactionReports reports;
  private final Registry registry;
  private final Trace trace;

  TransactionReportPages(TransactionReports reports, Registry registry, Trace trace) {
    this.reports = reports;
    this.registry = registry;
    this.trace = trace;
  }

  /** The report form: parties flattened, an import's items one "make, model, serial" a line. */
  static final class ReportForm {
    public String direction = "EXPORT";
    public String purpose = "";
    public String proposedOn = "";
    public String port = "";
    public String importerName = "";
    public String importerCountry = "";
    public String importerAddress = "";
    public String importerRegistration = "";
    public String exporterName = "";
    public String exporterCountry = "";
    public String exporterAddress = "";
    public String exporterRegistration = "";
    public String consigneeName = "";
    public String consigneeCountry = "";
    public String consigneeAddress = "";
    public String consigneeRegistration = "";
    public String broker = "";
    public String methodOfTransfer = "";
    public String purchaserIdType = "";
    public String purchaserIdNumber = "";
    public List<String> machineIds = new ArrayList<>();

    /**
     * Equipment to export named by serial, one a line ({@code serial} or {@code make, serial}): for
     * a registrant holding more than the list shows.
     */
    public String exportSerials = "";

    public String items = "";
    public String reason = "";

    /** The form showing {@code version}, to amend it. */
    static ReportForm of(ReportKind direction, TransactionReportVersion version) {
      var form = new ReportForm();
      form.direction = direction.name();
      form.purpose = version.purpose();
      form.proposedOn = version.proposedOn().toString();
      form.port = version.port();
      form.importerName = name(version.importer());
      form.importerCountry = country(version.importer());
      form.importerAddress = text(version.importer() == null ? null : version.importer().address());
      form.importerRegistration =
          text(version.importer() == null ? null : version.importer().registration());
      form.exporterName = name(version.exporter());
      form.exporterCountry = country(version.exporter());
      form.exporterAddress = text(version.exporter() == null ? null : version.exporter().address());
      form.exporterRegistration =
          text(version.exporter() == null ? null : version.exporter().registration());
      form.consigneeName = name(version.consignee());
      form.consigneeCountry = country(version.consignee());
      form.consigneeAddress =
          text(version.consignee() == null ? null : version.consignee().address());
      form.consigneeRegistration =
          text(version.consignee() == null ? null : version.consignee().registration());
      form.broker = version.broker() == null ? "" : version.broker();
      form.methodOfTransfer = text(version.methodOfTransfer());
      form.purchaserIdType = text(version.purchaserIdType());
      form.purchaserIdNumber = text(version.purchaserIdNumber());
      var lines = new StringBuilder();
      for (ReportedItem item : version.machines()) {
        if (item.machineId() != null) {
          form.machineIds.add(item.machineId());
        }
        lines.append(item.make()).append(", ").append(item.model()).append(", ");
        lines.append(item.serial()).append('\n');
      }
      form.items = direction == ReportKind.IMPORT ? lines.toString() : "";
      return form;
    }

    /** Whether the form is an export's, read as {@link #toForm} reads its direction. */
    boolean exporting() {
      return direction != null && direction.strip().equals(ReportKind.EXPORT.name());
    }

    /** Lines of {@link #items} the form could not read, by index; their problems are the form's. */
    private final java.util.Set<Integer> unreadItems = new java.util.HashSet<>();

    /**
     * The ids {@link #exportSerials} named, a line each, in order; {@code null} for a line that
     * names no item the registrant holds (its problem is the form's). Set by the page before {@link
     * #toForm}.
     */
    private List<String> serialIds = List.of();

    /**
     * The report the form describes. A value only the form reads (a day, an item's line) that it
     * cannot read is kept in {@code problems} and sent on empty, so that the service refuses the
     * report with every problem of its own and stores nothing.
     */
    TransactionReportForm toForm(Problems problems) {
      ReportKind kind;
      try {
        kind = ReportKind.valueOf(direction == null ? "" : direction.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequest("direction", "direction is required: IMPORT or EXPORT");
      }
      return new TransactionReportForm(
          kind,
          purpose,
          problems.value(() -> day(proposedOn)),
          port,
          party(importerName, importerCountry, importerAddress, importerRegistration),
          party(exporterName, exporterCountry, exporterAddress, exporterRegistration),
          party(consigneeName, consigneeCountry, consigneeAddress, consigneeRegistration),
          broker == null || broker.isBlank() ? null : broker,
          kind == ReportKind.EXPORT ? exported() : imported(problems),
          methodOfTransfer,
          purchaserIdType,
          purchaserIdNumber);
    }

    /** Whether a service problem is one the form already reported in its own words. */
    boolean reportedByForm(InvalidRequest problem, Problems byForm) {
      if (problem.field() == null) {
        return false;
      }
      Matcher item = ITEM_FIELD.matcher(problem.field());
      return byForm.refused(problem.field())
          || item.matches() && unreadItems.contains(Integer.parseInt(item.group(1)));
    }

    private List<ReportedItem> exported() {
      var ids = new java.util.LinkedHashSet<String>();
      if (machineIds != null) {
        ids.addAll(machineIds);
      }
      var list = new ArrayList<ReportedItem>();
      for (String id : ids) {
        list.add(new ReportedItem(id, null, null, null));
      }
      for (String id : serialIds) {
        if (id == null) {
          // a line naming nothing held: sent on empty, so that the service refuses the report and
          // stores nothing; the line's problem is the form's own
          unreadItems.add(list.size());
          list.add(new ReportedItem(null, null, null, null));
        } else if (ids.add(id)) {
          list.add(new ReportedItem(id, null, null, null));
        }
      }
      return list;
    }

    private List<ReportedItem> imported(Problems problems) {
      var list = new ArrayList<ReportedItem>();
      String[] lines = items == null ? new String[0] : items.split("\\R");
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split(",", -1);
        if (parts.length != 3) {
          unreadItems.add(list.size());
          problems.add(
              "machines[" + list.size() + "]",
              "write make, model and serial separated by commas, such as"
                  + " 'Acme, RT-24, AT-2400-01'");
          list.add(new ReportedItem(null, null, null, null));
          continue;
        }
        list.add(new ReportedItem(null, parts[0].strip(), parts[1].strip(), parts[2].strip()));
      }
      return list;
    }

    private static Party party(String name, String country, String address, String registration) {
      boolean none = (name == null || name.isBlank()) && (country == null || country.isBlank());
      return none
          ? null
          : new Party(name, country == null ? null : country.strip(), address, registration);
    }

    private static String text(String value) {
      return value == null ? "" : value;
    }

    private static String name(Party party) {
      return party == null ? "" : party.name();
    }

    private static String country(Party party) {
      return party == null ? "" : party.country();
    }

    private static LocalDate day(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidRequest("proposedOn", "'" + text + "' is not a day such as 2026-03-04");
      }
    }
  }

  @InitBinder("form")
  void bindFieldsDirectly(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @GetMapping
  String list(@RequestParam(required = false) Integer page, AccessContext context, Model model) {
    model.addAttribute("form", new ReportForm());
    return listPage(context, page, model);
  }

  @PostMapping
  String file(
      @ModelAttribute("form") ReportForm form,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
    var problems = new Problems();
    try {
      if (form.exporting()) {
        resolveSerials(context, own(context), form, problems);
      }
      var filed = reports.file(context, form.toForm(problems));
      redirect.addFlashAttribute(
          "notice",
          "Filed "
              + filed.direction()
              + " report "
              + filed.transactionId()
              + (filed.timing().name().equals("LATE")
                  ? ": LATE (due by " + filed.dueOn() + "); it is in the compliance queue."
                  : ": on time. Quote its transaction id when the equipment moves."));
      return "redirect:/registry/transaction-reports/" + filed.transactionId();
    } catch (InvalidRequest e) {
      model.addAttribute("fieldErrors", errors(form, problems, e));
    } catch (ConflictingState | NotFound e) {
      model.addAttribute("fieldErrors", errors(form, problems, e));
    }
    return listPage(context, null, model);
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, AccessContext context, Model model) {
    return showPage(context, id, model, null);
  }

  @PostMapping("/{id}/amendment")
  String amend(
      @PathVariable String id,
      @ModelAttribute("form") ReportForm form,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
    var problems = new Problems();
    try {
      if (form.exporting()) {
        resolveSerials(context, own(context), form, problems);
      }
      var amended = reports.amend(context, id, form.toForm(problems), form.reason);
      redirect.addFlashAttribute(
          "notice", "Amendment filed: report " + id + " is at version " + amended.version() + ".");
      return "redirect:/registry/transaction-reports/" + id;
    } catch (InvalidRequest e) {
      model.addAttribute("fieldErrors", errors(form, problems, e));
    } catch (ConflictingState e) {
      model.addAttribute("fieldErrors", errors(form, problems, e));
    }
    return showPage(context, id, model, form);
  }

  @PostMapping("/{id}/withdrawal")
  String withdraw(
      @PathVariable String id,
      @RequestParam(required = false) String withdrawReason,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
    try {
      reports.withdraw(context, id, withdrawReason);
      redirect.addFlashAttribute("notice", "Report " + id + " withdrawn.");
      return "redirect:/registry/transaction-reports/" + id;
    } catch (InvalidRequest | ConflictingState e) {
      String field =
          e instanceof InvalidRequest bad && bad.field() != null ? "withdrawReason" : "withdraw";
      model.addAttribute("withdrawErrors", Map.of(field, e.getMessage()));
      model.addAttribute("withdrawReason", withdrawReason);
    }
    return showPage(context, id, model, null);
  }

  private String listPage(AccessContext context, Integer page, Model model) {
    RegistrantView registrant = own(context);
    model.addAttribute("registrant", registrant);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "registry/transaction-reports";
    }
    model.addAttribute("reports", reports.page(context, PageQuery.of(page, 50)));
    held(context, registrant, (ReportForm) model.getAttribute("form"), model);
    return "registry/transaction-reports";
  }

  private String showPage(AccessContext context, String id, Model model, ReportForm form) {
    RegistrantView registrant = own(context);
    model.addAttribute("registrant", registrant);
    model.addAttribute("id", id);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "registry/transaction-report";
    }
    try {
      org.presstrace.registry.TransactionReportId.parse(id, "id");
    } catch (InvalidRequest malformed) {
      throw new NotFound("transaction report", id);
    }
    var detail = reports.detail(context, id);
    model.addAttribute("detail", detail);
    model.addAttribute("history", newestFirst(detail.history()));
    var latest = detail.history().get(detail.history().size() - 1);
    ReportForm shown = form != null ? form : ReportForm.of(detail.report().direction(), latest);
    model.addAttribute("form", shown);
    held(context, registrant, shown, model);
    return "registry/transaction-report";
  }

  /**
   * The equipment the form lists to export: the first {@link PageQuery#MAX_SIZE} items the
   * registrant holds in custody, then any the form already names beyond them (an amendment's own
   * items), so that sending the form back never drops an item it did not show. When the registrant
   * holds more than the list, the page says so and offers {@code exportSerials}.
   */
  private void held(
      AccessContext context, RegistrantView registrant, ReportForm form, Model model) {
    var page =
        trace.heldBy(
            context,
            registrant.id(),
            new EquipmentFilter(null, CustodyState.HELD, null),
            new PageQuery(0, PageQuery.MAX_SIZE));
    var listed = new ArrayList<>(page.items());
    var shown = new java.util.HashSet<String>();
    listed.forEach(machine -> shown.add(machine.id()));
    if (form != null && form.machineIds != null) {
      // at most a list's worth: each is a guarded read of its own
      for (String id : form.machineIds.stream().limit(PageQuery.MAX_SIZE).toList()) {
        if (id != null && shown.add(id)) {
          try {
            listed.add(trace.machine(context, id));
          } catch (NotFound | InvalidRequest unreadable) {
            // not the caller's to see: the service names it when the form is sent
          }
        }
      }
    }
    model.addAttribute("held", listed);
    model.addAttribute("heldTotal", page.totalItems());
    model.addAttribute("heldListed", page.items().size());
  }

  /**
   * The items {@code form.exportSerials} names, a line each, among those the registrant holds in
   * custody; a line that names none, or more than one without its make, gets a problem of its own
   * beside the field. Only the caller's own holdings are searched, so a serial held by another
   * registrant reads as one it does not hold.
   */
  private void resolveSerials(
      AccessContext context, RegistrantView registrant, ReportForm form, Problems problems) {
    if (form.exportSerials == null || form.exportSerials.isBlank()) {
      return;
    }
    var ids = new ArrayList<String>();
    var lineProblems = new ArrayList<String>();
    String[] lines = form.exportSerials.split("\\R");
    long named = java.util.Arrays.stream(lines).filter(line -> !line.isBlank()).count();
    if (named > TransactionReports.MAX_ITEMS) {
      // refused before any look-up: a report names at most this many items in all
      problems.add(
          "exportSerials",
          "name at most "
              + TransactionReports.MAX_ITEMS
              + " items in one report ("
              + named
              + " lines given); file the rest in another");
      ids.add(null);
      form.serialIds = ids;
      return;
    }
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String make = null;
      String serial = line.strip();
      int comma = serial.indexOf(',');
      if (comma >= 0) {
        make = serial.substring(0, comma).isBlank() ? null : serial.substring(0, comma).strip();
        serial = serial.substring(comma + 1).strip();
      }
      String id = null;
      try {
        var filter =
            serial.contains(",") ? null : new EquipmentFilter(null, CustodyState.HELD, serial);
        String wanted = filter == null ? null : filter.normalisedSerial();
        if (wanted == null) {
          lineProblems.add(
              "Line " + number + ": write a serial, or make and serial separated by a comma");
        } else {
          String byMake = make;
          // the filter finds serials containing the text, so a short serial may be contained in
          // many others: their pages are read up to a bound, and past it the line is refused
          var matches = new ArrayList<org.presstrace.registry.MachineView>();
          boolean complete = false;
          for (int index = 0; index < SERIAL_PAGES && !complete; index++) {
            var page =
                trace.heldBy(
                    context, registrant.id(), filter, new PageQuery(index, PageQuery.MAX_SIZE));
            page.items().stream()
                .filter(m -> m.serialNormalised().equals(wanted))
                .filter(m -> byMake == null || m.make().equalsIgnoreCase(byMake))
                .forEach(matches::add);
            complete =
                page.items().isEmpty() || (index + 1L) * PageQuery.MAX_SIZE >= page.totalItems();
            if (page.totalItems() > (long) SERIAL_PAGES * PageQuery.MAX_SIZE) {
              // too loose to read through: refused at once, not after five pages
              break;
            }
          }
          if (!complete) {
            lineProblems.add(
                "Line "
                    + number
                    + ": more than "
                    + SERIAL_PAGES * PageQuery.MAX_SIZE
                    + " of your items have serials containing '"
                    + serial
                    + "', too many to look up by serial; name it by its registry id through the API"
                    + " (POST /api/v1/registry/transaction-reports)");
          } else if (matches.size() == 1) {
            id = matches.get(0).id();
          } else if (matches.isEmpty()) {
            lineProblems.add(
                "Line "
                    + number
                    + ": you hold no equipment in custody with serial '"
                    + serial
                    + "'"
                    + (make == null ? "" : " of make '" + make + "'"));
          } else {
            lineProblems.add(
                "Line "
                    + number
                    + ": you hold "
                    + matches.size()
                    + " items with serial '"
                    + serial
                    + "' ("
                    + String.join(
                        ", ",
                        matches.stream().map(m -> m.make() + " " + m.model()).distinct().toList())
                    + "); write the make first, such as '"
                    + matches.get(0).make()
                    + ", "
                    + serial
                    + "'");
          }
        }
      } catch (InvalidRequest unreadable) {
        lineProblems.add("Line " + number + ": " + unreadable.getMessage());
      }
      ids.add(id);
    }
    if (!lineProblems.isEmpty()) {
      problems.add("exportSerials", String.join("; ", lineProblems));
    }
    form.serialIds = ids;
  }

  /** A copy of an oldest-first list, newest first. */
  static <T> List<T> newestFirst(List<T> oldestFirst) {
    var copy = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** The words a user reads beside each field of the report form. */
  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry(
              "purpose",
              "Say why the equipment moves (resale, own manufacture, repair), at most 500"
                  + " characters"),
          Map.entry(
              "proposedOn",
              "Give the proposed day of the movement, today or later, such as 2026-03-04"),
          Map.entry("port", "Give the port of entry or exit, at most 100 characters"),
          Map.entry("importerName", "Give the importer's name, at most 200 characters"),
          Map.entry("exporterName", "Give the exporter's name, at most 200 characters"),
          Map.entry("consigneeName", "Give the consignee's name, at most 200 characters"),
          Map.entry("importerCountry", "Give the importer's country as a code such as USA"),
          Map.entry("exporterCountry", "Give the exporter's country as a code such as USA"),
          Map.entry("consigneeCountry", "Give the consignee's country as a code such as USA"),
          Map.entry("importerAddress", "Give the importer's address in at most 500 characters"),
          Map.entry("exporterAddress", "Give the exporter's address in at most 500 characters"),
          Map.entry("consigneeAddress", "Give the consignee's address in at most 500 characters"),
          Map.entry("broker", "Name the broker or forwarder in at most 200 characters"),
          Map.entry("methodOfTransfer", "Choose a method of transfer from the list"),
          Map.entry("purchaserIdType", "Choose the type of the purchaser's identification"),
          Map.entry(
              "purchaserIdNumber",
              "Give the number of the purchaser's identification, at most 40 characters"));

  /** The fields of the report form, in the order it shows them. */
  private static final List<String> ORDER =
      List.of(
          "direction",
          "purpose",
          "proposedOn",
          "port",
          "broker",
          "importerName",
          "importerCountry",
          "importerAddress",
          "importerRegistration",
          "exporterName",
          "exporterCountry",
          "exporterAddress",
          "exporterRegistration",
          "consigneeName",
          "consigneeCountry",
          "consigneeAddress",
          "consigneeRegistration",
          "methodOfTransfer",
          "purchaserIdType",
          "purchaserIdNumber",
          "machineIds",
          "exportSerials",
          "items");

  /**
   * Every problem of a refused report, the form's own and the service's, each beside the form field
   * it names: {@code importer.name} is importerName, an item's is the item list's.
   */
  static Map<String, String> errors(ReportForm form, Problems byForm, InvalidRequest refused) {
    var all = new Problems();
    byForm.refusalIfAny().ifPresent(all::add);
    refused.all().stream()
        .filter(problem -> !form.reportedByForm(problem, byForm))
        .forEach(all::add);
    String itemsField = "IMPORT".equals(form.direction) ? "items" : "machineIds";
    var errors = new LinkedHashMap<String, String>();
    for (InvalidRequest problem : all.refusal().all()) {
      String field = problem.field() == null ? FormErrors.FORM : formField(problem.field());
      String message = PLAIN.getOrDefault(field, problem.getMessage());
      Matcher item = ITEM_FIELD.matcher(problem.field() == null ? "" : problem.field());
      if (item.matches()) {
        message = "Item " + (Integer.parseInt(item.group(1)) + 1) + ": " + problem.getMessage();
      }
      if (field.equals("machines")) {
        field = itemsField;
      }
      errors.merge(field, message, (a, b) -> a.equals(b) ? a : a + "; " + b);
    }
    return FormErrors.inOrder(errors, ORDER);
  }

  /** The form field a service's field is shown beside: {@code importer.name} is importerName. */
  static String formField(String field) {
    if (ITEM_FIELD.matcher(field).matches()) {
      return "machines";
    }
    int dot = field.indexOf('.');
    if (dot > 0) {
      String party = field.substring(0, dot);
      String part = field.substring(dot + 1);
      return party + part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1);
    }
    if (List.of("importer", "exporter", "consignee").contains(field)) {
      return field + "Name";
    }
    return field;
  }

  /**
   * A refusal that is not about the fields, shown at the top of the form, with the problems the
   * form found itself.
   */
  static Map<String, String> errors(ReportForm form, Problems byForm, RuntimeException e) {
    var shown = new LinkedHashMap<String, String>();
    shown.put(FormErrors.FORM, e.getMessage());
    byForm.refusalIfAny().ifPresent(own -> shown.putAll(errors(form, byForm, own)));
    return shown;
  }

  private RegistrantView own(AccessContext context) {
    return registry
        .registrantOf(context.caller())
        .orElseThrow(
            () -> new AccessDeniedException("only registrant users file transaction reports"));
  }

  @Override
  public ProtectedKind kind() {
    return TransactionReports.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/registry/transaction-reports/" + recordId;
  }
}
