package cn.cppcc.consult.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cppcc.consult.organisation.PlaceRepository;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.talent.Talent;
import cn.cppcc.consult.talent.TalentService;
import cn.cppcc.consult.talent.TalentService.GroupInput;
import cn.cppcc.consult.talent.TalentService.TalentInput;
import cn.cppcc.consult.venue.SixHaves;
import cn.cppcc.consult.venue.Venue;
import cn.cppcc.consult.venue.VenueService;
import cn.cppcc.consult.venue.VenueService.VenueInput;

/**
 * Demo talent pool, member group and venues (demo profile, with the sample consultations, first start
 * only), so that the talent pool offers people when participants are drawn up and the statistics
 * show venues.
 */
@Component
@Profile("demo")
public class SupervisionDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionDemoData.class);

    private final TalentService talents;
    private final VenueService venues;
    private final PlaceRepository places;
    private final TransactionTemplate transaction;
    private final boolean sampleData;

    SupervisionDemoData(TalentService talents, VenueService venues, PlaceRepository places,
            TransactionTemplate transaction,
            @Value("${consult.demo.sample-consultations:true}") boolean sampleData) {
        this.talents = talents;
        this.venues = venues;
        this.places = places;
        this.transaction = transaction;
        this.sampleData = sampleData;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1) // after the demo organisation
    public void seed() {
        if (!sampleData || places.find(DemoData.COUNTY).isEmpty()
                || !talents.in(List.of(DemoData.TOWNSHIP_A)).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Talent wang = talent(DemoData.TOWNSHIP_A, "王建国", "RESIDENT_MEMBER", "县政协委员、镇农业服务中心", "农村道路", "qingxi.member");
            Talent li = talent(DemoData.TOWNSHIP_A, "李明", "RESIDENT_MEMBER", "县政协委员、个体工商户", "集镇商贸", null);
            talent(DemoData.TOWNSHIP_A, "赵秀兰", "VETERAN_CADRE", "退休村党支部书记", "群众工作", null);
            talent(DemoData.VILLAGE_A, "陈德厚", "XIANGXIAN", "返乡企业家", "产业发展", null);
            talent(DemoData.VILLAGE_A, "周敏", "PUBLIC_REPRESENTATIVE", "村民代表", null, null);
            talent(DemoData.COUNTY, "刘志远", "EXPERT", "县农业农村局高级农艺师", "农业技术", null);
            talent(DemoData.TOWNSHIP_B, "孙丽", "RESIDENT_MEMBER", "县政协委员、社区医生", "医疗卫生", null);
            talent(DemoData.TOWNSHIP_B, "吴海", "RESIDENT_MEMBER", "县政协委员、中学教师", "教育", null);
            talents.saveGroup(null, new GroupInput(DemoData.TOWNSHIP_A, "云岭镇第一委员履职小组",
                    List.of(wang.id(), li.id()), List.of(DemoData.VILLAGE_A, "lijiawan")));

            int year = EngineClock.now().getYear();
            Venue county = venues.add(new VenueInput(DemoData.COUNTY, "县政协“有事好商量”协商议事室", "DISCUSSION_ROOM", "县政协三楼"));
            Venue studio = venues.add(new VenueInput(DemoData.TOWNSHIP_A, "云岭镇同心圆工作室", "STUDIO", "云岭镇党群服务中心"));
            Venue hall = venues.add(new VenueInput(DemoData.VILLAGE_A, "水口村村级议事厅", "VILLAGE_HALL", "水口村村委会"));
            venues.add(new VenueInput(DemoData.TOWNSHIP_B, "桃源镇同心圆工作室", "STUDIO", "桃源镇文化站"));
            venues.assess(county.id(), year, new SixHaves(true, true, true, true, true, true), null, "qingxi.supervisor");
            venues.assess(studio.id(), year, new SixHaves(true, true, true, true, true, false), "协商成果转化尚需跟踪",
                    "qingxi.supervisor");
            venues.assess(hall.id(), year, new SixHaves(true, true, false, false, true, false), "制度、流程未上墙",
                    "qingxi.supervisor");
        });
        LOG.info("演示人才库、委员履职小组和协商平台已创建");
    }

    private Talent talent(String place, String name, String category, String organisation, String expertise,
            String userId) {
        return talents.add(new TalentInput(place, name, category, organisation, expertise, userId, null));
    }
}
