package cn.cppcc.consult.results;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.results.ResultsQuery.PublicConsultation;
import cn.cppcc.consult.results.ResultsQuery.PublicPage;

/** 成果集中统一展示窗口 ({@code /public/results.html}): closed consultations, no login, no personal data. */
@RestController
public class PublicResultsController {

    private final ResultsQuery results;

    PublicResultsController(ResultsQuery results) {
        this.results = results;
    }

    @GetMapping("/api/public/results")
    public PublicPage list(@RequestParam(required = false) String place, @RequestParam(defaultValue = "0") int page) {
        return results.publicPage(place, page);
    }

    @GetMapping("/api/public/results/{number}")
    public PublicConsultation one(@PathVariable String number) {
        return results.publicConsultation(number);
    }
}
