package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.dashboard.lifecycle.model.AnnualStatistics;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The annual statistics table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese) and XLSX. */
public final class StatisticsExport {

    private StatisticsExport() {
    }

    public static byte[] csv(AnnualStatistics stats) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("项目,Item,数值\r\n");
        for (AnnualStatistics.Row row : stats.rows()) {
            out.append(cell(row.labelZh())).append(',').append(cell(row.labelEn())).append(',')
                    .append(cell(row.value())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so that a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static byte[] xlsx(AnnualStatistics stats) {
        try (var workbook = new XSSFWorkbook(); var bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(stats.year() + "年执法统计");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row title = sheet.createRow(0);
            String[] headings = {"项目", "Item", "数值"};
            for (int i = 0; i < headings.length; i++) {
                Cell c = title.createCell(i);
                c.setCellValue(headings[i]);
                c.setCellStyle(header);
            }
            int r = 1;
            for (AnnualStatistics.Row row : stats.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.labelZh());
                line.createCell(1).setCellValue(row.labelEn());
                Cell value = line.createCell(2);
                if (row.value().matches("-?\\d+(\\.\\d+)?") && !row.labelZh().equals("年度")) {
                    value.setCellValue(Double.parseDouble(row.value()));
                } else {
                    value.setCellValue(row.value());
                }
            }
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 32 * 256);
            sheet.setColumnWidth(2, 36 * 256);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
